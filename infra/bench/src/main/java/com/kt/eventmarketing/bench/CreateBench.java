package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static com.kt.eventmarketing.bench.Results.f1;

/**
 * {@code create [--quick] [--temporal=server]}: only POST /api/v1/events → 202 with 4 clients, per Temporal backend,
 * against a bare StartWorkflowExecution from this JVM (what the 202 waited for before the start moved behind the
 * commit), and how long after the last 202 every owed workflow start was made. The floor is the owner's event list
 * (authentication and one indexed query) with the same clients just before: what any request costs on this machine
 * now. The load average is recorded with each figure: on a shared machine the percentiles mean little without it.
 */
final class CreateBench {
    private static final int CLIENTS = 4;
    private static final int WARM_UP = 20;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

    private CreateBench() {
    }

    static Results runAlone(Path repo, Path out, boolean quick, List<TemporalMode> backends) throws Exception {
        int starts = quick ? 60 : 200;
        Results results = new Results("kt-event-marketing POST /api/v1/events");
        results.detail("machine", Runtime.getRuntime().availableProcessors() + " cores, java " + Runtime.version());
        for (TemporalMode backend : backends) {
            String label = TemporalComparison.label(backend);
            Bench.log("=== Temporal backend: %s", label);
            BenchStack stack = BenchStack.start(repo, out.resolve("logs-create"), List.of("-Xmx768m"), backend);
            try (NoopFlow.Runner noop = new NoopFlow.Runner(stack.temporalTarget())) {
                Api api = new Api(stack.api.url());
                Checks.healAll(new Api(stack.sandbox.url()));
                String token = api.registerOwner();
                post(api, token, WARM_UP); // JIT and connection pools, not counted
                secondsUntilStarted(stack, System.nanoTime());
                Stats floor = measure(starts, () -> api.get("/api/v1/events?size=1", token).status() == 200);
                String loadBefore = loadAverage();
                Stats latency = post(api, token, starts);
                long lastAnswer = System.nanoTime();
                String loadAfter = loadAverage();
                double drained = secondsUntilStarted(stack, lastAnswer);
                Stats direct = noop.startLatency(starts, CLIENTS, FlowDriver.ALL_CHANNELS.size());
                double p99 = latency.percentileMs(99);
                results.add("POST /api/v1/events → 202 p50 / p99, " + label,
                        f1(latency.percentileMs(50)) + " / " + f1(p99) + " ms (" + latency.count() + " of " + starts + " 202)",
                        f1(direct.percentileMs(50)) + " / " + f1(direct.percentileMs(99))
                                + " ms: bare StartWorkflowExecution, which the 202 used to wait for",
                        p99 / direct.percentileMs(99), "p99 ≤ 50 ms", p99 <= 50,
                        CLIENTS + " clients; load average (1/5/15 min) before " + loadBefore + ", after " + loadAfter);
                results.add("Floor: GET /api/v1/events?size=1 p50 / p99, " + label,
                        f1(floor.percentileMs(50)) + " / " + f1(floor.percentileMs(99)) + " ms", null,
                        p99 / floor.percentileMs(99), null, null,
                        "same clients, just before the POSTs; ratio = POST p99 / this p99");
                results.add("Workflow starts owed after the last 202, " + label,
                        Double.isNaN(drained) ? "not all made within " + DRAIN_TIMEOUT.toSeconds() + " s"
                                : "all made within " + f1(drained) + " s", null, null, "all made", !Double.isNaN(drained),
                        "event_workflow_starts empty again");
            } finally {
                stack.close();
            }
        }
        return results;
    }

    private static Stats post(Api api, String token, int total) throws InterruptedException {
        return measure(total, () -> api.post("/api/v1/events", token, Map.of("objective", "REVISIT")).status() == 202);
    }

    /** {@code total} calls by {@value #CLIENTS} clients; the latency of each call that succeeded. */
    private static Stats measure(int total, BooleanSupplier call) throws InterruptedException {
        Stats latency = new Stats();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, Intake.named("bench-load-create"));
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> {
                while (next.getAndIncrement() < total) {
                    long t0 = System.nanoTime();
                    if (call.getAsBoolean()) {
                        latency.add(System.nanoTime() - t0);
                    }
                }
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the clients did not finish in 5 minutes");
        }
        return latency;
    }

    /** Seconds from the last 202 until no start is owed any more; NaN past the timeout. */
    private static double secondsUntilStarted(BenchStack stack, long lastAnswer) throws Exception {
        long deadline = lastAnswer + DRAIN_TIMEOUT.toNanos();
        try (Connection db = stack.db()) {
            while (Checks.count(db, "select count(*) from event_workflow_starts") > 0) {
                if (System.nanoTime() > deadline) {
                    return Double.NaN;
                }
                Bench.sleep(50);
            }
        }
        return (System.nanoTime() - lastAnswer) / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
