package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.kt.eventmarketing.bench.Results.f0;

/**
 * {@code planning [--quick]}: what the planning costs beyond the AI's own latency. The sandbox's AI answers at once,
 * so all of POST /api/v1/events → the recommendations shown (GET says SELECT_RECOMMENDATION) is ours: the start
 * behind the commit, the workflow's tasks, the AI activities' own work (prompt, parsing, checks), the progress
 * records and the poll. One event alone, one after another, then ten owners at once.
 */
final class PlanningBench {
    private static final String READY = "SELECT_RECOMMENDATION";
    private static final int WARM_UP = 20;
    private static final int AT_ONCE = 10;
    private static final long ALONE_POLL_MILLIS = 50;
    /** Ten owners polling every 50 ms would be 200 GET/s with a Temporal query each: load no ten owners make. */
    private static final long TOGETHER_POLL_MILLIS = 250;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private PlanningBench() {
    }

    static Results runAlone(Path repo, Path out, boolean quick) throws Exception {
        int alone = quick ? 10 : 30;
        Results results = new Results("kt-event-marketing planning overhead");
        results.detail("machine", Runtime.getRuntime().availableProcessors() + " cores, java " + Runtime.version());
        BenchStack stack = BenchStack.start(repo, out.resolve("logs-planning"), TemporalMode.DEV);
        try {
            Api api = new Api(stack.api.url());
            Checks.healAll(new Api(stack.sandbox.url()));
            String token = api.registerOwner();
            for (int i = 0; i < WARM_UP; i++) {
                planned(api, token, ALONE_POLL_MILLIS); // JIT, pools, caches: not counted
            }
            Stats one = new Stats();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < alone; i++) {
                long nanos = planned(api, token, ALONE_POLL_MILLIS);
                if (nanos < 0) {
                    failures.add("event " + (i + 1) + " of " + alone + " not planned within " + TIMEOUT);
                } else {
                    one.add(nanos);
                }
            }
            add(results, "one event alone", one, alone, failures, ALONE_POLL_MILLIS);
            List<String> owners = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                owners.add(api.registerOwner());
            }
            List<String> togetherFailures = new ArrayList<>();
            Stats together = together(api, owners, togetherFailures);
            add(results, AT_ONCE + " owners at once", together, AT_ONCE, togetherFailures, TOGETHER_POLL_MILLIS);
        } finally {
            stack.close();
        }
        return results;
    }

    private static void add(Results results, String how, Stats latency, int events, List<String> failures, long pollMillis) {
        double p50 = latency.count() == 0 ? Double.NaN : latency.percentileMs(50);
        results.add("Planning beyond the AI's latency, " + how + ": POST → recommendations shown",
                latency.count() == 0 ? "none planned" : f0(p50) + " ms p50 (p90 " + f0(latency.percentileMs(90))
                        + ", max " + f0(latency.maxMs()) + "; " + latency.count() + "/" + events + ")",
                null, null, "≤ 1 s", failures.isEmpty() && p50 <= 1000,
                "sandbox AI answering at once, so the whole time is ours; GET polled every " + pollMillis + " ms"
                        + (failures.isEmpty() ? "" : "; " + failures));
    }

    private static Stats together(Api api, List<String> owners, List<String> failures) throws Exception {
        CyclicBarrier start = new CyclicBarrier(owners.size());
        Stats latency = new Stats();
        ExecutorService pool = Executors.newFixedThreadPool(owners.size(), Intake.named("bench-planning"));
        try {
            List<Future<Long>> running = new ArrayList<>();
            for (String owner : owners) {
                running.add(pool.submit(() -> {
                    start.await();
                    return planned(api, owner, TOGETHER_POLL_MILLIS);
                }));
            }
            for (Future<Long> each : running) {
                long nanos = each.get();
                if (nanos < 0) {
                    failures.add("an event not planned within " + TIMEOUT);
                } else {
                    latency.add(nanos);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return latency;
    }

    /** Nanoseconds from sending the POST until a GET shows the recommendations; -1 when it failed or timed out. */
    private static long planned(Api api, String token, long pollMillis) {
        long start = System.nanoTime();
        long deadline = start + TIMEOUT.toNanos();
        Api.Response created = api.post("/api/v1/events", token, Map.of("objective", "REVISIT"));
        if (created.status() != 202) {
            return -1;
        }
        long id = created.json().path("eventId").asLong();
        while (System.nanoTime() < deadline) {
            Api.Response detail = api.get("/api/v1/events/" + id, token);
            if (detail.status() == 200 && READY.equals(detail.json().path("step").asText())) {
                return System.nanoTime() - start;
            }
            Bench.sleep(pollMillis);
        }
        return -1;
    }
}
