package com.kt.eventmarketing.bench;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.kt.eventmarketing.bench.Results.f0;
import static com.kt.eventmarketing.bench.Results.f1;

/**
 * Intake paced at 1,000 entries/s (latency from the scheduled send, each entry checked in PostgreSQL) with the
 * owner's analytics polled alongside: how long after its 201 an entry shows in the participant count.
 */
final class PacedIntakeBenchmark {
    /** The paced target's p99: answers slower than this are located in time. */
    private static final long SLOW_NANOS = 50_000_000L;
    private final BenchmarkContext ctx;
    /** Start and end of the intake phases the gateway's profile reports on, by name. */
    private final Map<String, Benchmarks.ProfileWindow> profileWindows;

    PacedIntakeBenchmark(BenchmarkContext ctx, Map<String, Benchmarks.ProfileWindow> profileWindows) {
        this.ctx = ctx;
        this.profileWindows = profileWindows;
    }

    /** @param active at least two ACTIVE events; the second is paced */
    void run(EventFlowBenchmark.ActiveEvents active) throws Exception {
        Results results = ctx.results();
        Benchmarks.Sizes sizes = ctx.sizes();
        BenchStack stack = ctx.stack();
        Map<String, Long> pids = stack.allPids();
        long paced = active.outcomes().get(1).eventId();
        String token = active.owners().get(paced);
        List<long[]> polls = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean polling = new AtomicBoolean(true);
        Api owner = new Api(stack.api.url());
        boolean analytics = owner.get("/api/v1/events/" + paced + "/analytics", token).status() == 200;
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                Api.Response a = owner.get("/api/v1/events/" + paced + "/analytics", token);
                if (a.status() == 200) {
                    polls.add(new long[]{System.nanoTime(), a.json().path("cards").path("participants").path("count").asLong()});
                }
                Bench.sleep(50);
            }
        }, "bench-analytics-poll");
        if (analytics) {
            poller.start();
        }
        Instant pacedStart = Instant.now();
        Intake.Result p = Intake.run(stack.api.url(), Intake.Config.paced("/api/v1/public/events/" + paced + "/participations",
                1000, Duration.ofSeconds(sizes.pacedSeconds()), 256), pids);
        profileWindows.put("intake paced at 1,000/s", new Benchmarks.ProfileWindow("api", pacedStart, Instant.now()));
        Checks.EntryCheck pacedCheck;
        try (Connection db = stack.db()) {
            pacedCheck = Checks.entries(db, paced, p.accepted);
        }
        results.add("Intake latency p50 / p99 paced at 1,000/s (" + sizes.pacedSeconds() + " s, from scheduled send)",
                f1(p.latency.percentileMs(50)) + " / " + f1(p.latency.percentileMs(99)) + " ms (achieved " + f0(p.perSecond()) + "/s)",
                null, null, "p99 ≤ 50 ms", p.latency.percentileMs(99) <= 50 && p.perSecond() >= 950,
                pacedCheck.describe() + "; " + slowStretches(ctx, "paced-1000", p) + "; CPU " + CpuMeter.describe(p.cpu));
        if (!analytics) {
            results.add("Analytics freshness", "not measured: no analytics API", null, null, "p95 ≤ 1 s", null, null);
            return;
        }
        long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < waitUntil && (polls.isEmpty() || polls.get(polls.size() - 1)[1] < p.acceptedCount())) {
            Bench.sleep(100);
        }
        polling.set(false);
        poller.join(2000);
        freshness(p, new ArrayList<>(polls));
    }

    /**
     * The run's answers over 50 ms located in time; every entry's send time and latency go to
     * {@code <out>/logs-timelines/<name>.csv} for a closer look.
     */
    static String slowStretches(BenchmarkContext ctx, String name, Intake.Result run) throws IOException {
        List<Intake.Accepted> accepted;
        synchronized (run) {
            accepted = List.copyOf(run.accepted);
        }
        SlowStretches.writeTimeline(ctx.out().resolve("logs-timelines").resolve(name + ".csv"), accepted, run.startNanos);
        return SlowStretches.describe(accepted, SLOW_NANOS, run.startNanos, run.startedAt) + "; the load generator's own GC: "
                + run.ownGcCount + " collections, " + run.ownGcMillis + " ms";
    }

    /** Each answered entry against the first poll whose count covers it. */
    private void freshness(Intake.Result p, List<long[]> samples) {
        Stats freshness = new Stats();
        List<Intake.Accepted> byAnswer = new ArrayList<>(p.accepted);
        byAnswer.sort((a, b) -> Long.compare(a.answeredAt(), b.answeredAt()));
        int unseen = 0;
        for (int i = 0; i < byAnswer.size(); i++) {
            long needed = i + 1; // the i-th answered entry is visible once the count covers it
            long answered = byAnswer.get(i).answeredAt();
            long visible = -1;
            for (long[] s : samples) {
                if (s[1] >= needed && s[0] >= answered) {
                    visible = s[0];
                    break;
                }
            }
            if (visible < 0) {
                unseen++;
            } else {
                freshness.add(visible - answered);
            }
        }
        double p95 = freshness.percentileMs(95);
        ctx.results().add("Analytics freshness (201 → count in GET …/analytics) at 1,000/s",
                "p50 " + f0(freshness.percentileMs(50)) + " ms, p95 " + f0(p95) + " ms, max " + f0(freshness.maxMs()) + " ms",
                "50 ms poll interval", null, "p95 ≤ 1 s", unseen == 0 && p95 <= 1000,
                unseen + " entries never seen within 30 s; path: outbox row → relay → Kafka → batch consumer → projection");
    }
}
