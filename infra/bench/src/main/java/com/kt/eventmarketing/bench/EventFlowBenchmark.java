package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.kt.eventmarketing.bench.Results.f1;
import static com.kt.eventmarketing.bench.Results.f2;

/**
 * Event workflows/s: real flows driven over REST to ACTIVE, against the no-op flow's ceiling on the same Temporal
 * server (the best of several concurrency levels), and the median seconds each step of a flow took.
 */
final class EventFlowBenchmark {
    /** The events that reached ACTIVE and each one's owner token: the intake runs on them. */
    record ActiveEvents(List<FlowDriver.Outcome> outcomes, Map<Long, String> owners) {
    }

    private final BenchmarkContext ctx;
    private final Map<String, Benchmarks.ProfileWindow> profileWindows;

    EventFlowBenchmark(BenchmarkContext ctx, Map<String, Benchmarks.ProfileWindow> profileWindows) {
        this.ctx = ctx;
        this.profileWindows = profileWindows;
    }

    ActiveEvents run() throws Exception {
        int k = ctx.sizes().flowConcurrency();
        Bench.log("registering %d owners", k);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            tokens.add(ctx.api().registerOwner());
        }
        // baseline first: the no-op flow on the same Temporal server (its own worker in this JVM)
        int channels = FlowDriver.ALL_CHANNELS.size();
        ctx.noop().run(10, 10, channels, Duration.ofSeconds(60)); // warm-up
        // the ceiling is the best of several concurrency levels (on SQLite more in flight can be slower)
        NoopFlow.Run sameConcurrency = ctx.noop().run(Math.max(k * 3, 12), k, channels, Duration.ofSeconds(120));
        NoopFlow.Run ceiling = sameConcurrency;
        List<String> levels = new ArrayList<>();
        levels.add(k + " in flight: " + f2(sameConcurrency.perSecond()));
        for (int inFlight : new int[]{16, 50}) {
            NoopFlow.Run r = ctx.noop().run(Math.max(ctx.sizes().noopWorkflows(), inFlight), inFlight, channels, Duration.ofSeconds(180));
            levels.add(inFlight + " in flight: " + f2(r.perSecond()));
            if (r.perSecond() > ceiling.perSecond()) {
                ceiling = r;
            }
        }
        Bench.log("no-op flow wf/s by concurrency: %s", levels);
        if (ctx.stack().temporalMode() == TemporalMode.DEV) {
            new PersistenceVariantsBenchmark(ctx).run(channels, ceiling);
        }

        Bench.log("driving %d real event flows, %d at once", ctx.sizes().flows(), k);
        AtomicInteger next = new AtomicInteger();
        List<FlowDriver.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Map<Long, String> owners = new ConcurrentHashMap<>();
        ExecutorService drivers = Executors.newFixedThreadPool(k, Intake.named("bench-load-flow"));
        CpuMeter cpu = CpuMeter.loadGenerator(ctx.stack().pids()).start();
        Instant flowsStart = Instant.now();
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(6).toNanos();
        for (int t = 0; t < k; t++) {
            String token = tokens.get(t);
            drivers.execute(() -> {
                FlowDriver driver = new FlowDriver(ctx.api(), token, FlowDriver.ALL_CHANNELS, 100);
                while (next.getAndIncrement() < ctx.sizes().flows()) {
                    long id = driver.create("NEW_CUSTOMERS", deadline);
                    if (id > 0) {
                        owners.put(id, token);
                        outcomes.add(driver.drive(id, "ACTIVE", deadline));
                    }
                }
                cpu.sample();
            });
        }
        drivers.shutdown();
        drivers.awaitTermination(7, TimeUnit.MINUTES);
        profileWindows.put("real flows", new Benchmarks.ProfileWindow("activities", flowsStart, Instant.now()));
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cores = cpu.stop();
        long reached = outcomes.stream().filter(FlowDriver.Outcome::reached).count();
        double rate = reached / seconds;
        Stats durations = new Stats();
        outcomes.forEach(o -> durations.add((long) (o.seconds() * 1e9)));
        ctx.figures().flows(ceiling.perSecond(), rate);
        ctx.results().add("Event workflows/s (real EventCreationWorkflow, REST-driven to ACTIVE, " + channels + " channels), "
                        + ctx.figures().backend(),
                f2(rate) + " wf/s (" + reached + "/" + ctx.sizes().flows() + " in " + f1(seconds) + " s, " + k + " at once)",
                f2(ceiling.perSecond()) + " wf/s no-op ceiling (" + NoopFlow.activityCount(channels) + " activities; best of " + levels + ")",
                rate / ceiling.perSecond(), "≥ 0.5 × ceiling", rate >= 0.5 * ceiling.perSecond(),
                "flow p50 " + f1(durations.percentileMs(50) / 1000)
                        + " s, p99 " + f1(durations.percentileMs(99) / 1000) + " s; CPU " + CpuMeter.describe(cores));
        ctx.results().add("Real flow: median seconds per step (profile), " + ctx.figures().backend(), medianPerStep(outcomes).toString(),
                null, null, null, null,
                "time between the first poll that saw a step and the first that saw the next; owner steps include the REST Update round trip");
        ctx.results().detail("flows", Map.of("outcomes", outcomes.stream().map(Record::toString).toList(), "cores", cores,
                "noopCeiling", ceiling.toString(), "noopSameConcurrency", sameConcurrency.toString()));
        List<FlowDriver.Outcome> active = new ArrayList<>();
        for (FlowDriver.Outcome o : outcomes) {
            if (o.reached()) {
                active.add(o);
            }
        }
        return new ActiveEvents(active, owners);
    }

    /** Where a flow's time goes: median seconds per step over the flows (polling every 100 ms). */
    private static Map<String, Double> medianPerStep(List<FlowDriver.Outcome> outcomes) {
        Map<String, List<Double>> perStep = new LinkedHashMap<>();
        for (FlowDriver.Outcome o : outcomes) {
            o.steps().forEach((step, secs) -> perStep.computeIfAbsent(step, x -> new ArrayList<>()).add(secs));
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        perStep.forEach((step, list) -> {
            List<Double> sorted = list.stream().sorted().toList();
            medians.put(step, Math.round(sorted.get(sorted.size() / 2) * 100) / 100.0);
        });
        return medians;
    }
}
