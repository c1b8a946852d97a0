package com.kt.eventmarketing.bench;

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
 * Every node of the cluster stopped for 30 s while owners keep calling: creating events (a 202: the start is owed
 * and made once Temporal is back), reading an event's detail (the workflow's live state, or the stored row marked
 * not live), and changing an event (an Update, which needs Temporal: a 503 problem). Each answer must be a success
 * or a 503 problem within the gateway's own bounds — a 500 would tell the owner "our bug" for what is an outage, a
 * hang would leave him guessing. Flows in flight before the stop, and the events created during it, must go on once
 * Temporal is back.
 */
final class TemporalClusterOutage implements FaultScenario {
    /**
     * The gateway's own bounds and 2 s of margin: a start, query or signal gives up after
     * {@code kt.events.temporal-call-deadline} (10 s), an Update after {@code kt.events.update-timeout} (30 s).
     */
    private static final double ANSWER_DEADLINE_SECONDS = 32;

    @Override
    public String title() {
        return "whole Temporal cluster stopped 30 s while owners call the API";
    }

    @Override
    public boolean needsCluster() {
        return true;
    }

    @Override
    public void run(FaultContext faults, String label) throws Exception {
        Api api = faults.api;
        TemporalPostgresServer cluster = faults.cluster();
        long t0 = System.nanoTime();
        var futures = faults.startBatch(faults.batch(), false, Duration.ofMinutes(10));
        String token = api.registerOwner();
        long existing = api.post("/api/v1/events", token, Map.of("objective", "REVISIT")).json().path("eventId").asLong();
        Bench.sleep(4000);
        cluster.stopAll();
        Bench.log("Temporal cluster stopped for 30 s");
        OwnerCalls calls = new OwnerCalls(List.of(
                () -> api.post("/api/v1/events", token, Map.of("objective", "SALES")),
                () -> api.get("/api/v1/events/" + existing, token),
                () -> api.put("/api/v1/events/" + existing + "/recommendation", token, Map.of("index", 0))));
        calls.thread.start();
        Bench.sleep(30_000);
        calls.calling.set(false);
        calls.thread.join(30_000);
        long t = System.nanoTime();
        cluster.startAll();
        int created = api.post("/api/v1/events", token, Map.of("objective", "SALES")).status();
        double slowestSeconds = calls.slowest.get() / 1e9;
        String events = String.format("all nodes stopped 30 s at 4 s (back in %.1f s); API answers during the outage %s, "
                + "the slowest in %.1f s; POST /api/v1/events after: %d", (System.nanoTime() - t) / 1e9, calls.answers,
                slowestSeconds, created);
        boolean noServerErrors = calls.answers.keySet().stream().noneMatch(status -> status.startsWith("5") && !status.equals("503"));
        boolean saw503 = calls.answers.containsKey("503");
        boolean withinDeadline = slowestSeconds <= ANSWER_DEADLINE_SECONDS;
        List<FlowDriver.Outcome> outcomes = FaultContext.await(futures);
        faults.assertFlows(label, outcomes, (System.nanoTime() - t0) / 1e9,
                events + (calls.badProblems.isEmpty() ? "" : "; not problem+json: " + calls.badProblems.subList(0, 1)),
                noServerErrors && saw503 && withinDeadline && calls.badProblems.isEmpty() && created == 202);
    }

    /** An owner making the given calls every 250 ms until told to stop: answers by status, the slowest, bad 503s. */
    private static final class OwnerCalls {
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final List<String> badProblems = new ArrayList<>();
        final AtomicBoolean calling = new AtomicBoolean(true);
        final AtomicLong slowest = new AtomicLong();
        final Thread thread;

        OwnerCalls(List<Supplier<Api.Response>> calls) {
            thread = new Thread(() -> {
                while (calling.get()) {
                    for (Supplier<Api.Response> call : calls) {
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
        }
    }
}
