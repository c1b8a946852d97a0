package com.kt.eventmarketing.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Temporal not answering at all: owners get a 503 problem within the call deadline, never a 500 or a hang. */
@GatewayTest(properties = {"kt.events.temporal-call-deadline=3s", "kt.analytics.consumer-enabled=false"})
class TemporalUnreachableTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void nobodyListens(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + closed);
    }

    @Test
    void creatingAnEventIsA503WithinTheDeadlineAndLeavesNoDraftBehind() {
        ApiClient api = new ApiClient(port);
        String token = Owners.registerAndToken(api);
        long before = jdbc.queryForObject("select count(*) from events", Long.class);
        long started = System.nanoTime();
        var created = api.post("/api/v1/events", token, Map.of("objective", "SALES"));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(created.status()).as(created.body()).isEqualTo(503);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertThat(seconds).as("the SDK's own default retries for a minute").isLessThan(20);
        assertThat(jdbc.queryForObject("select count(*) from events", Long.class)).isEqualTo(before);
    }
}
