package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.apps.AppDefinition;
import com.kt.eventmarketing.localstack.apps.ExecJars;
import com.kt.eventmarketing.localstack.apps.StackApp;

import com.kt.eventmarketing.localstack.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's harness failure ("Port 42437 was already in use"): the applications bind what they are given or port 0
 * and report what they got. Runs the sandbox's exec jar, the smallest of our Spring Boot applications.
 */
class StackAppPortsTest {
    private static final Path SANDBOX_JAR = new ExecJars(Path.of("../..")).sandbox();
    private static final List<String> SMALL_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m");
    private static final Duration START = Duration.ofMinutes(3);

    @Test
    void twoApplicationsStartedAtOnceOnAnyPortBothComeUpOnPortsOfTheirOwn(@TempDir Path logs) {
        StackApp one = new StackApp(new AppDefinition("one", SANDBOX_JAR, List.of(), 0, false, null), SMALL_JVM, Map.of(), logs,
                logs.resolve("one.log"));
        // like the gateway: the actuator on a management server of its own, also on port 0
        StackApp two = new StackApp(new AppDefinition("two", SANDBOX_JAR, List.of("--management.server.port=0",
                "--management.endpoints.web.exposure.include=health"), 0, true, null), SMALL_JVM, Map.of(), logs, logs.resolve("two.log"));
        try {
            one.launch();
            two.launch();
            one.awaitBound(START).awaitHealthy(START);
            two.awaitBound(START).awaitHealthy(START);

            assertThat(one.port()).isPositive().isNotEqualTo(two.port());
            assertThat(Ports.isOpen(one.port())).isTrue();
            assertThat(Ports.isOpen(two.port())).isTrue();
            assertThat(logs.resolve("two-management.port")).exists();
        } finally {
            one.stop(Duration.ofSeconds(10));
            two.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void anApplicationWhosePortWasTakenBeforeItBoundStartsAgainOnAnother(@TempDir Path logs) throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getByName(Ports.LOOPBACK))) {
            int taken = squatter.getLocalPort();
            Iterator<Integer> candidates = List.of(taken, Ports.freePort()).iterator();

            StackApp app = Ports.startOnFreePort("sandbox", candidates::next, port -> StackApp.start(AppDefinition.sandbox(SANDBOX_JAR, port),
                    SMALL_JVM, Map.of(), logs, logs.resolve("sandbox.log"), START));
            try {
                app.awaitHealthy(START);
                assertThat(app.port()).isNotEqualTo(taken);
                assertThat(Files.readString(logs.resolve("sandbox.log"))).contains("Port " + taken + " was already in use");
            } finally {
                app.stop(Duration.ofSeconds(10));
            }
        }
    }
}
