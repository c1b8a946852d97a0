package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.gateway.bench.BareEchoController;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.kt.eventmarketing.bench.Results.f0;
import static com.kt.eventmarketing.bench.Results.f1;

/**
 * Participation intake, saturated by closed-loop clients, against the bare echo on the same gateway with the same
 * clients and body (the ceiling); every accepted entry checked in PostgreSQL; the backlog drained; then latency
 * paced at half the saturated rate, where the server keeps up. Both paths are warmed up first and then measured in
 * alternating slices, so neither the JIT still compiling nor a drift of this machine's speed lands on one side of
 * the ratio (each had moved it more than the changes it was to measure did).
 */
final class IntakeBenchmark {
    private static final List<String> SLICE_PHONE_PREFIXES = List.of("010", "011", "016");
    private static final List<String> WARM_UP_PHONE_PREFIXES = List.of("017", "018", "019");
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private final BenchmarkContext ctx;
    /** Start and end of the intake phases the gateway's profile reports on, by name. */
    private final Map<String, Benchmarks.ProfileWindow> profileWindows;

    IntakeBenchmark(BenchmarkContext ctx, Map<String, Benchmarks.ProfileWindow> profileWindows) {
        this.ctx = ctx;
        this.profileWindows = profileWindows;
    }

    /** @return whether there were events to measure on (two reached ACTIVE) */
    boolean run(List<FlowDriver.Outcome> active) throws Exception {
        Results results = ctx.results();
        Benchmarks.Sizes sizes = ctx.sizes();
        BenchStack stack = ctx.stack();
        if (active.size() < 2) {
            results.add("Participation intake", "not measured", null, null, null, null, "fewer than 2 events reached ACTIVE");
            return false;
        }
        Map<String, Long> pids = stack.allPids();
        long event = active.get(0).eventId();
        String path = "/api/v1/public/events/" + event + "/participations";
        // the third event: the paced round at half the rate, which checks no rows, enters on it too
        warmUp(stack, active.size() > 2 ? active.get(2).eventId() : -1, pids);
        // bare echo ceiling on the same server, same clients and body
        List<Intake.Result> echoes = new ArrayList<>();
        List<Intake.Result> intakes = new ArrayList<>();
        for (String phones : SLICE_PHONE_PREFIXES) {
            echoes.add(Intake.run(stack.api.url(), Intake.Config.closedLoop(BareEchoController.PATH, sizes.intakeClients(),
                    slice(sizes.echoSeconds()), 5_000_000), pids));
            Instant sliceStart = Instant.now();
            intakes.add(Intake.run(stack.api.url(), Intake.Config.closedLoop(path, sizes.intakeClients(),
                    slice(sizes.intakeSeconds()), 5_000_000).phones(phones), pids));
            profileWindows.putIfAbsent("saturated intake", new Benchmarks.ProfileWindow("api", sliceStart, Instant.now()));
            Bench.log("slice %s: echo %.0f/s, intake %.0f/s", phones, echoes.get(echoes.size() - 1).perSecond(), intakes.get(intakes.size() - 1).perSecond());
        }
        Intake.Result echo = Intake.Result.combine(echoes);
        Intake.Result r = Intake.Result.combine(intakes);
        Bench.log("echo: %.0f/s %s", echo.perSecond(), echo.statusSummary());
        Checks.EntryCheck check;
        try (Connection db = stack.db()) {
            check = Checks.entries(db, event, r.accepted);
        }
        double rate = r.perSecond();
        results.add("Participation intake, " + sizes.intakeClients() + " clients, " + sizes.intakeSeconds() + " s in "
                        + SLICE_PHONE_PREFIXES.size() + " slices between the echo's",
                f0(rate) + " entries/s (" + f0(r.acceptedCount()) + " accepted, " + r.statusSummary() + ")",
                f0(echo.perSecond()) + "/s bare JSON echo, same server", rate / echo.perSecond(), "≥ 0.5 × echo and ≥ 2,000/s",
                rate >= 0.5 * echo.perSecond() && rate >= 2000,
                "CPU during intake: " + CpuMeter.describe(r.cpu) + "; during echo: " + CpuMeter.describe(echo.cpu));
        results.add("Intake latency p50 / p99 (closed loop, saturated)", f1(r.latency.percentileMs(50)) + " / " + f1(r.latency.percentileMs(99)) + " ms",
                f1(echo.latency.percentileMs(50)) + " / " + f1(echo.latency.percentileMs(99)) + " ms echo", null, null, null, null);
        results.add("Intake: lost / duplicated (checked in PostgreSQL)", check.lost() + " / " + check.duplicatedAnswers(), null, null, "0 / 0",
                check.exactlyOnce(), check.describe());
        // the paced phases start from a quiet system, not from the saturated phase's backlog
        Checks.Drain drain;
        try (Connection db = stack.db()) {
            drain = Checks.awaitDrained(db, event, Duration.ofSeconds(120));
        }
        results.add("Backlog after the saturated intake: outbox published and analytics converged",
                drain.converged() ? f1(drain.seconds()) + " s after the load ended" : "not within 120 s (" + drain + ")",
                null, null, null, null, "outbox → relay → Kafka → analytics consumers, in the gateway and both worker pools");
        // paced at half the saturated rate: latency where the server keeps up
        if (active.size() > 2) {
            pacedAtHalf(rate, active.get(2).eventId(), pids);
        }
        return true;
    }

    /**
     * Both paths under the same load first, in turn, until the JIT has compiled them: without it the slices sped up
     * one after the other (echo 2,387 → 3,161 → 6,240/s, intake 817 → 1,328 → 1,804/s in one run), so the figure
     * said more about warm-up than about either path. Up to three rounds, until the intake rose by less than 10 %
     * over the round before. The intake warms up on another event, with phones of its own (only the echo warms up
     * when there is no third event).
     */
    private void warmUp(BenchStack stack, long otherEvent, Map<String, Long> pids) throws InterruptedException {
        int clients = ctx.sizes().intakeClients();
        double before = 0;
        for (String phones : WARM_UP_PHONE_PREFIXES) {
            Intake.run(stack.api.url(), Intake.Config.closedLoop(BareEchoController.PATH, clients, WARM_UP, 5_000_000), pids);
            if (otherEvent < 0) {
                continue;
            }
            double rate = Intake.run(stack.api.url(), Intake.Config.closedLoop("/api/v1/public/events/" + otherEvent
                    + "/participations", clients, WARM_UP, 5_000_000).phones(phones), pids).perSecond();
            Bench.log("warm-up %s: intake %.0f/s", phones, rate);
            if (rate < before * 1.1) {
                return;
            }
            before = rate;
        }
    }

    private static Duration slice(int seconds) {
        return Duration.ofMillis(seconds * 1000L / SLICE_PHONE_PREFIXES.size());
    }

    private void pacedAtHalf(double saturatedRate, long event, Map<String, Long> pids) throws Exception {
        double rateOk = Math.min(1000, Math.max(50, Math.floor(saturatedRate / 2 / 50) * 50));
        Intake.Result half = Intake.run(ctx.stack().api.url(), Intake.Config.paced("/api/v1/public/events/" + event + "/participations",
                rateOk, Duration.ofSeconds(ctx.sizes().pacedSeconds()), 256), pids);
        ctx.results().add("Intake latency p50 / p99 paced at " + f0(rateOk) + "/s (half the saturated rate)",
                f1(half.latency.percentileMs(50)) + " / " + f1(half.latency.percentileMs(99)) + " ms (" + half.acceptedCount() + " accepted)",
                null, null, null, null, PacedIntakeBenchmark.slowStretches(ctx, "paced-half", half) + "; CPU " + CpuMeter.describe(half.cpu));
    }
}
