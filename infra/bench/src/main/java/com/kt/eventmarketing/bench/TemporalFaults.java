package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalNode;
import com.kt.eventmarketing.localstack.temporal.TemporalPostgresServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The scenarios of Temporal's own failures, on the two-node cluster ({@code fault-injection --temporal=cluster}):
 * a node killed, the database restarted under it, the whole cluster away. Flows are checked like every other
 * scenario (all ACTIVE, each post exactly once) and, in addition, that no workflow task is left stuck.
 */
final class TemporalFaults {
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(10);
    /**
     * The gateway's own bounds and 2 s of margin: a start, query or signal gives up after
     * {@code kt.events.temporal-call-deadline} (10 s), an Update after {@code kt.events.update-timeout} (30 s).
     */
    private static final double ANSWER_DEADLINE_SECONDS = 32;
    private final FaultInjection faults;
    private final BenchStack stack;
    private final Api api;

    TemporalFaults(FaultInjection faults, BenchStack stack, Api api) {
        this.faults = faults;
        this.stack = stack;
        this.api = api;
    }

    private TemporalPostgresServer cluster() {
        return stack.temporalCluster().filter(c -> c.nodes().size() == 2)
                .orElseThrow(() -> new IllegalStateException("needs the two-node cluster (--temporal=cluster)"));
    }

    /**
     * The second node is the victim: the applications reach Temporal through the first node's frontend (locally
     * there is no load balancer in front of both), so killing the second loses history shards and matching
     * partitions — the interesting part — without also cutting every client off.
     */
    void killNode(String label) throws Exception {
        TemporalNode victim = cluster().nodes().get(1);
        long t0 = System.nanoTime();
        var futures = faults.startBatch(faults.batch(), false, BATCH_TIMEOUT);
        Bench.sleep(4000);
        int shards = victim.ownedShards();
        long pid = victim.pid();
        victim.kill();
        Bench.log("kill -9 %s (pid %d, %d shards)", victim.name(), pid, shards);
        Bench.sleep(15_000);
        victim.start();
        String events = String.format("kill -9 %s (pid %d, owned %d of the shards) at 4 s, restarted 15 s later", victim.name(), pid, shards);
        List<FlowDriver.Outcome> outcomes = FaultInjection.await(futures);
        assertWithoutStuckTasks(label, outcomes, t0, events);
    }

    void restartPostgres(String label) throws Exception {
        long t0 = System.nanoTime();
        var futures = faults.startBatch(faults.batch(), false, BATCH_TIMEOUT);
        Bench.sleep(4000);
        stack.stopPostgres();
        Bench.log("PostgreSQL stopped");
        Bench.sleep(5000);
        long t = System.nanoTime();
        stack.startPostgres();
        String events = String.format("PostgreSQL (Temporal's and the application's databases) stopped 5 s at 4 s, back in %.1f s",
                (System.nanoTime() - t) / 1e9);
        Bench.log("%s", events);
        assertWithoutStuckTasks(label, FaultInjection.await(futures), t0, events);
    }

    /**
     * While every node is down, owners keep calling: creating events (a 202: the start is owed and made once Temporal
     * is back), reading an event's detail (the workflow's live state, or the stored row marked not live), and changing
     * an event (an Update, which needs Temporal: a 503 problem). Each answer must be a success or a 503 problem within
     * the gateway's own bounds — a 500 would tell the owner "our bug" for what is an outage, a hang would
     * leave him guessing. Flows in flight before the stop, and the events created during it, must go on once Temporal
     * is back.
     */
    void stopCluster(String label) throws Exception {
        TemporalPostgresServer cluster = cluster();
        long t0 = System.nanoTime();
        var futures = faults.startBatch(faults.batch(), false, BATCH_TIMEOUT);
        String token = api.registerOwner();
        long existing = api.post("/api/v1/events", token, Map.of("objective", "REVISIT")).json().path("eventId").asLong();
        Bench.sleep(4000);
        cluster.stopAll();
        Bench.log("Temporal cluster stopped for 30 s");
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<String> badProblems = new ArrayList<>();
        AtomicBoolean calling = new AtomicBoolean(true);
        AtomicLong slowest = new AtomicLong();
        Thread owners = new Thread(() -> {
            while (calling.get()) {
                for (Supplier<Api.Response> call : List.<Supplier<Api.Response>>of(
                        () -> api.post("/api/v1/events", token, Map.of("objective", "SALES")),
                        () -> api.get("/api/v1/events/" + existing, token),
                        () -> api.put("/api/v1/events/" + existing + "/recommendation", token, Map.of("index", 0)))) {
                    long asked = System.nanoTime();
                    Api.Response r = call.get();
                    slowest.accumulateAndGet(System.nanoTime() - asked, Math::max);
                    answers.computeIfAbsent(String.valueOf(r.status()), k -> new AtomicInteger()).incrementAndGet();
                    String type = r.headers().getOrDefault("content-type", "");
                    if (r.status() == 503 && !type.contains("application/problem+json")) {
                        badProblems.add("503 as " + type);
                    }
                }
                Bench.sleep(250);
            }
        }, "bench-owners-during-outage");
        owners.start();
        Bench.sleep(30_000);
        calling.set(false);
        owners.join(30_000);
        long t = System.nanoTime();
        cluster.startAll();
        int created = api.post("/api/v1/events", token, Map.of("objective", "SALES")).status();
        double slowestSeconds = slowest.get() / 1e9;
        String events = String.format("all nodes stopped 30 s at 4 s (back in %.1f s); API answers during the outage %s, "
                + "the slowest in %.1f s; POST /api/v1/events after: %d", (System.nanoTime() - t) / 1e9, answers,
                slowestSeconds, created);
        boolean noServerErrors = answers.keySet().stream().noneMatch(status -> status.startsWith("5") && !status.equals("503"));
        boolean saw503 = answers.containsKey("503");
        boolean withinDeadline = slowestSeconds <= ANSWER_DEADLINE_SECONDS;
        List<FlowDriver.Outcome> outcomes = FaultInjection.await(futures);
        faults.assertFlows(label, outcomes, (System.nanoTime() - t0) / 1e9,
                events + (badProblems.isEmpty() ? "" : "; not problem+json: " + badProblems.subList(0, 1)),
                noServerErrors && saw503 && withinDeadline && badProblems.isEmpty() && created == 202);
    }

    private void assertWithoutStuckTasks(String label, List<FlowDriver.Outcome> outcomes, long t0, String events) {
        List<String> ids = outcomes.stream().filter(o -> o.eventId() > 0).map(o -> "event-" + o.eventId()).toList();
        List<String> stuck = StuckWorkflowTasks.find(stack.temporalTarget(), ids);
        faults.assertFlows(label, outcomes, (System.nanoTime() - t0) / 1e9,
                events + "; workflow tasks stuck past their timeout: " + (stuck.isEmpty() ? "none" : stuck), stuck.isEmpty());
    }
}
