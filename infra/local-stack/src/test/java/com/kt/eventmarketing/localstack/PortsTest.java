package com.kt.eventmarketing.localstack;

import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsTest {

    /** The race of issue 17: the port was free when picked and is taken (bound, not listening yet) when the server starts. */
    @Test
    void aServerWhosePortWasTakenMeanwhileStartsAgainOnTheNextOne(@TempDir Path tmp) throws IOException {
        int taken = Ports.freePort();
        try (Socket squatter = new Socket()) {
            squatter.bind(new InetSocketAddress(Ports.LOOPBACK, taken));
            Iterator<Integer> candidates = List.of(taken, Ports.freePort()).iterator();
            AtomicInteger attempts = new AtomicInteger();

            try (PostgresServer postgres = Ports.startOnFreePort("PostgreSQL", candidates::next, port -> {
                attempts.incrementAndGet();
                return PostgresServer.persistent(port, tmp.resolve("pg-" + port));
            })) {
                assertThat(attempts).hasValue(2);
                assertThat(postgres.port()).isNotEqualTo(taken);
                assertThat(Ports.isOpen(postgres.port())).isTrue();
            }
        }
    }

    @Test
    void aFailureThatIsNoPortClashIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Ports.startOnFreePort("broken", port -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("data directory is not writable");
        })).hasMessage("data directory is not writable");
        assertThat(attempts).hasValue(1);
    }
}
