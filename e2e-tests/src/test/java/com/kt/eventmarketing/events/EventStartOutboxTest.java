package com.kt.eventmarketing.events;

import com.kt.eventmarketing.events.persistence.EventRow;
import com.kt.eventmarketing.events.persistence.EventRowRepository;
import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.ApiGatewayApplication;
import com.kt.eventmarketing.gateway.Owners;
import com.kt.eventmarketing.gateway.WorkersAndSandbox;
import com.kt.eventmarketing.testsupport.WithRealServers;
import com.kt.eventmarketing.users.persistence.Store;
import com.kt.eventmarketing.users.persistence.StoreRepository;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 202 of POST /api/v1/events does not wait for Temporal: the DRAFT row and its start request commit together
 * and {@link EventStarter} starts the workflow afterwards. This context holds its starter back
 * ({@code kt.events.starts.enabled=false}), as if the gateway died right after the commit; starts are then made by a
 * fresh gateway or by calling the sweeper. Workers and the sandbox run, so started events really plan.
 */
@WithRealServers
@ExtendWith(WorkersAndSandbox.class)
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kt.events.starts.enabled=false", "kt.analytics.consumer-enabled=false"})
class EventStartOutboxTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStarter starter;
    @Autowired
    EventWorkflows workflows;
    @Autowired
    WorkflowClient temporal;
    @Autowired
    EventRowRepository events;
    @Autowired
    StoreRepository stores;
    @Autowired
    MeterRegistry meters;

    @Test
    void theAnswerCommitsTheRowAndItsStartTogetherWithoutStartingAndSaysSo() {
        ApiClient api = new ApiClient(port);
        String token = Owners.registerAndToken(api);
        var created = api.post("/api/v1/events", token, Map.of("objective", "SALES"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long eventId = created.json().get("eventId").asLong();

        // xmin is the id of the transaction that inserted the row: one transaction wrote both
        String eventTx = jdbc.queryForObject("select xmin::text from events where id = ?", String.class, eventId);
        String startTx = jdbc.queryForObject("select xmin::text from event_workflow_starts where event_id = ?", String.class, eventId);
        assertThat(startTx).isEqualTo(eventTx);
        assertThat(runId(eventId)).as("no workflow yet").isEmpty();

        JsonNode detail = api.get("/api/v1/events/" + eventId, token).json();
        assertThat(detail.get("starting").asBoolean()).isTrue();
        assertThat(detail.get("live").asBoolean()).isFalse();
        assertThat(detail.get("status").asString()).isEqualTo("DRAFT");
        JsonNode listed = api.get("/api/v1/events", token).json().get("content").get(0);
        assertThat(listed.get("eventId").asLong()).isEqualTo(eventId);
        assertThat(listed.get("starting").asBoolean()).isTrue();

        var change = api.put("/api/v1/events/" + eventId + "/recommendation", token, Map.of("index", 0));
        assertThat(change.status()).as(change.body()).isEqualTo(503);
        assertThat(change.contentType()).startsWith("application/problem+json");
        assertThat(change.retryAfter()).isNotNull();
        var plan = api.get("/api/v1/events/" + eventId + "/recommendations", token);
        assertThat(plan.status()).as(plan.body()).isEqualTo(503);
        assertThat(plan.json().get("title").asString()).isEqualTo("Event starting");
    }

    @Test
    void aStartLeftByAGatewayThatCouldNotMakeItIsMadeByTheNextOne() throws Exception {
        long eventId;
        String token;
        // the first gateway commits the event, cannot reach Temporal, and is stopped before any start succeeds
        try (ConfigurableApplicationContext first = gateway("--spring.temporal.connection.target=127.0.0.1:" + closedPort(),
                "--kt.events.temporal-call-deadline=1s")) {
            ApiClient api = new ApiClient(localPort(first));
            token = Owners.registerAndToken(api);
            var created = api.post("/api/v1/events", token, Map.of("objective", "NEW_CUSTOMERS"));
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            eventId = created.json().get("eventId").asLong();
            awaitTrue(() -> attempts(eventId) >= 1, Duration.ofSeconds(30));
        }
        assertThat(attempts(eventId)).isGreaterThanOrEqualTo(1);
        assertThat(runId(eventId)).isEmpty();
        // move the back-off out of the way: the next gateway need not wait for it
        jdbc.update("update event_workflow_starts set next_attempt_at = now() where event_id = ?", eventId);

        try (ConfigurableApplicationContext next = gateway()) {
            ApiClient api = new ApiClient(localPort(next));
            JsonNode detail = EventProgress.await(api, token, eventId, d -> "SELECT_RECOMMENDATION".equals(d.get("step").asString()));
            assertThat(detail.get("starting").asBoolean()).isFalse();
            assertThat(detail.get("live").asBoolean()).isTrue();
        }
        assertThat(jdbc.queryForObject("select count(*) from event_workflow_starts where event_id = ?", Long.class, eventId)).isZero();
    }

    @Test
    void twoSweepersAndARepeatedStartMakeOneWorkflowPerEventAndNoFailure() throws Exception {
        ApiClient api = new ApiClient(port);
        String token = Owners.registerAndToken(api);
        List<Long> ids = LongStream.range(0, 3).mapToObj(i -> api.post("/api/v1/events", token, Map.of("objective", "SALES")))
                .map(r -> r.json().get("eventId").asLong()).toList();
        // an earlier attempt reached Temporal but its gateway died before removing the request
        long repeated = ids.get(0);
        startDirectly(repeated);
        String firstRun = runId(repeated).orElseThrow();
        double failuresBefore = meters.counter("kt.events.starts.failed").count();

        var one = CompletableFuture.supplyAsync(starter::sweep);
        var other = CompletableFuture.supplyAsync(starter::sweep);
        int started = one.get() + other.get();

        assertThat(started).isGreaterThanOrEqualTo(ids.size());
        assertThat(meters.counter("kt.events.starts.failed").count()).isEqualTo(failuresBefore);
        assertThat(runId(repeated)).contains(firstRun);
        for (long id : ids) {
            assertThat(jdbc.queryForObject("select count(*) from event_workflow_starts where event_id = ?", Long.class, id)).isZero();
            EventProgress.await(api, token, id, d -> "SELECT_RECOMMENDATION".equals(d.get("step").asString()));
        }
    }

    @Test
    void cancellingBeforeTheStartWithdrawsItSoNoWorkflowEverRuns() {
        ApiClient api = new ApiClient(port);
        String token = Owners.registerAndToken(api);
        long eventId = api.post("/api/v1/events", token, Map.of("objective", "SALES")).json().get("eventId").asLong();

        var cancelled = api.delete("/api/v1/events/" + eventId, token);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("step").asString()).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select count(*) from event_workflow_starts where event_id = ?", Long.class, eventId)).isZero();

        starter.sweep();
        assertThat(runId(eventId)).isEmpty();
        JsonNode detail = api.get("/api/v1/events/" + eventId, token).json();
        assertThat(detail.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(detail.get("starting").asBoolean()).isFalse();
    }

    private void startDirectly(long eventId) {
        EventRow row = events.findById(eventId).orElseThrow();
        Store store = stores.findById(row.getStoreId()).orElseThrow();
        workflows.start(new EventCreationInput(eventId, row.getOwnerId(), store.getId(), store.getName(),
                store.getBusinessType(), store.getAddress(), store.region(), row.getObjective(),
                "http://127.0.0.1/e/" + eventId, Duration.ofDays(7), null, null), store.getName());
    }

    private Optional<String> runId(long eventId) {
        try {
            return Optional.of(temporal.newUntypedWorkflowStub(EventCreationInput.workflowId(eventId)).describe()
                    .getExecution().getRunId());
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private int attempts(long eventId) {
        return jdbc.queryForObject("select attempts from event_workflow_starts where event_id = ?", Integer.class, eventId);
    }

    /** Another gateway process's worth of context, on its own port, with its starter on. */
    private static ConfigurableApplicationContext gateway(String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--kt.analytics.consumer-enabled=false",
                "--kt.events.starts.enabled=true", "--kt.events.starts.sweep-interval=200ms"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(ApiGatewayApplication.class).run(all.toArray(String[]::new));
    }

    private static int localPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within " + timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
