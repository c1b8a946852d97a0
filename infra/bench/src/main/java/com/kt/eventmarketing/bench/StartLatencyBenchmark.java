package com.kt.eventmarketing.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.kt.eventmarketing.bench.Results.f1;

/** POST /api/v1/events → 202 latency with 4 clients, against StartWorkflowExecution of the no-op flow from this JVM. */
final class StartLatencyBenchmark {
    private final BenchmarkContext ctx;

    StartLatencyBenchmark(BenchmarkContext ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
        Api api = ctx.api();
        String token = api.registerOwner();
        Stats latency = new Stats();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger non202 = new AtomicInteger();
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4, Intake.named("bench-load-start"));
        for (int c = 0; c < 4; c++) {
            clients.execute(() -> {
                while (next.getAndIncrement() < ctx.sizes().starts()) {
                    long t0 = System.nanoTime();
                    Api.Response r = api.post("/api/v1/events", token, Map.of("objective", "REVISIT"));
                    long t = System.nanoTime() - t0;
                    if (r.status() == 202) {
                        latency.add(t);
                        ids.add(r.json().path("eventId").asLong());
                    } else {
                        non202.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        double p99 = latency.percentileMs(99);
        Stats direct = ctx.noop().startLatency(ctx.sizes().starts(), 4, FlowDriver.ALL_CHANNELS.size());
        ctx.figures().starts(direct, latency);
        ctx.results().add("POST /api/v1/events → 202 latency p50 / p99, " + ctx.figures().backend(),
                f1(latency.percentileMs(50)) + " / " + f1(p99) + " ms (" + latency.count() + " starts, 4 clients, " + non202.get() + " non-202)",
                f1(direct.percentileMs(50)) + " / " + f1(direct.percentileMs(99)) + " ms: StartWorkflowExecution of the no-op flow from this JVM, 4 clients",
                p99 / direct.percentileMs(99), "p99 ≤ 50 ms", p99 <= 50,
                "inserts the DRAFT row and starts the workflow; each start also sets off the AI activities, whose history writes go to the same Temporal persistence");
        // let the started workflows finish their AI step before the next measurement
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection db = ctx.stack().db()) {
            while (System.nanoTime() < deadline && Checks.count(db,
                    "select count(*) from events where owner_id = (select owner_id from events where id = ?) and step = 'ANALYZING_TRENDS'",
                    ids.isEmpty() ? -1L : ids.get(0)) > 0) {
                Bench.sleep(500);
            }
        }
    }
}
