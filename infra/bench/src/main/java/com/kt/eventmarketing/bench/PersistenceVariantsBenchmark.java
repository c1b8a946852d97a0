package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.temporal.TemporalCliDevServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.kt.eventmarketing.bench.Results.f1;
import static com.kt.eventmarketing.bench.Results.f2;

/**
 * Profile of the ceiling: the same no-op flow on a second, idle dev server with the CLI's SQLite defaults
 * (rollback journal, an fsync per commit: what the stack ran before it set WAL) and on one in memory, each started
 * like the stack's (one partition per queue, the search attributes) but for its persistence. The gap
 * between them and the stack's ceiling shows how much of it is SQLite's persistence.
 */
final class PersistenceVariantsBenchmark {
    private final BenchmarkContext ctx;

    PersistenceVariantsBenchmark(BenchmarkContext ctx) {
        this.ctx = ctx;
    }

    void run(int channels, NoopFlow.Run ceiling) throws Exception {
        Results results = ctx.results();
        BenchStack stack = ctx.stack();
        int inFlight = 16;
        List<String> found = new ArrayList<>();
        Map<String, List<String>> variants = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("kt-bench-temporal-");
        variants.put("SQLite file, CLI defaults (rollback journal, fsync per commit)",
                List.of("--db-filename", dir.resolve("default.db").toString()));
        variants.put("SQLite in memory", List.of());
        for (var v : variants.entrySet()) {
            // a port taken between the pick and the start is picked again, as for the stack's own servers
            TemporalCliDevServer server = Ports.startOnFreePort("Temporal (" + v.getKey() + ")",
                    port -> TemporalCliDevServer.startWithPersistence(stack.temporalCli(), port, v.getValue()));
            try {
                try (NoopFlow.Runner r = new NoopFlow.Runner(server.target())) {
                    r.run(10, 10, channels, Duration.ofSeconds(60));
                    NoopFlow.Run run = r.run(Math.max(ctx.sizes().noopWorkflows(), inFlight), inFlight, channels, Duration.ofSeconds(180));
                    Stats starts = r.startLatency(ctx.sizes().starts(), 4, channels);
                    found.add(v.getKey() + ": " + f2(run.perSecond()) + " wf/s, start p50/p99 " + f1(starts.percentileMs(50)) + "/"
                            + f1(starts.percentileMs(99)) + " ms");
                    results.add("StartWorkflowExecution p50 / p99 on " + v.getKey() + " (profile, 4 clients)",
                            f1(starts.percentileMs(50)) + " / " + f1(starts.percentileMs(99)) + " ms", null, null, null, null, null);
                    results.add("No-op flow ceiling on " + v.getKey() + " (profile, " + inFlight + " in flight)", f2(run.perSecond()) + " wf/s",
                            f2(ceiling.perSecond()) + " wf/s on the stack's dev server (SQLite file, WAL)",
                            run.perSecond() / ceiling.perSecond(), null, null, "a second, idle dev server: " + String.join(" ", v.getValue()));
                }
            } finally {
                server.close();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        results.detail("persistenceVariants", found);
    }
}
