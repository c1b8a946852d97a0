package com.kt.eventmarketing.gateway;

import com.kt.eventmarketing.events.EventCreationWorkflow;
import com.kt.eventmarketing.events.EventWorkflows;
import com.kt.eventmarketing.gateway.web.UnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Temporal not answering at all: creating an event is still a quick 202 (its workflow start is owed, retried with
 * back-off and never lost), and whatever needs the workflow is a 503 problem within the call deadline, never a 500
 * or a hang.
 */
@GatewayTest(properties = {"kt.events.temporal-call-deadline=3s", "kt.events.update-timeout=20s", "kt.analytics.consumer-enabled=false",
        "kt.events.starts.sweep-interval=200ms"})
class TemporalUnreachableTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EventWorkflows workflows;

    @DynamicPropertySource
    static void nobodyListens(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + closed);
    }

    @Test
    void creatingAnEventIsA202WhoseStartIsRetriedAndChangesAre503sUntilItStarts() throws InterruptedException {
        ApiClient api = new ApiClient(port);
        String token = Owners.registerAndToken(api);
        long started = System.nanoTime();
        var created = api.post("/api/v1/events", token, Map.of("objective", "SALES"));
        long millis = (System.nanoTime() - started) / 1_000_000L;
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        assertThat(millis).as("the 202 does not wait out the 3 s Temporal call deadline").isLessThan(2_000);
        long eventId = created.json().get("eventId").asLong();

        var detail = api.get("/api/v1/events/" + eventId, token);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        assertThat(detail.json().get("starting").asBoolean()).isTrue();
        assertThat(detail.json().get("live").asBoolean()).isFalse();
        assertThat(detail.json().get("step").asString()).isEqualTo("ANALYZING_TRENDS");

        var change = api.put("/api/v1/events/" + eventId + "/recommendation", token, Map.of("index", 0));
        assertThat(change.status()).as(change.body()).isEqualTo(503);
        assertThat(change.contentType()).startsWith("application/problem+json");
        assertThat(change.json().get("title").asString()).isEqualTo("Event starting");
        assertThat(Long.parseLong(change.retryAfter())).isPositive();

        // the after-commit attempt and the sweeper's retries fail; the request stays, counting its attempts
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int attempts = 0;
        while (attempts < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            attempts = jdbc.queryForObject("select attempts from event_workflow_starts where event_id = ?", Integer.class, eventId);
        }
        assertThat(attempts).as("a failed start is retried after its back-off").isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select last_error from event_workflow_starts where event_id = ?", String.class, eventId))
                .isNotBlank();
        assertThat(meters.counter("kt.events.starts.failed").count()).isGreaterThanOrEqualTo(2);
        assertThat(meters.get("kt.events.starts.pending").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("kt.events.starts.oldest.age").gauge().value()).isPositive();
    }

    @Test
    void aChangeWhileTemporalIsDownIsA503AtOnceNotAfterTheUpdateTimeout() {
        // a query that fails after the call deadline leaves the connection in its failed state
        assertThat(workflows.snapshot(1)).isEmpty();

        long started = System.nanoTime();
        assertThatThrownBy(() -> workflows.update(1, EventCreationWorkflow::regenerateImages))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.retryAfterSeconds()).isPositive());
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the owner is not held for the 20 s update timeout, nor the 3 s call deadline")
                .isLessThan(Duration.ofSeconds(1));
    }
}
