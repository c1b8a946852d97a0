package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code intake [--quick] [--profile]}: only the participation figures of the full benchmark (the bare echo ceiling,
 * the saturated intake checked in PostgreSQL, the paced 1,000/s latency and the analytics freshness) on a stack of
 * their own, with three events driven to ACTIVE first. A few minutes instead of the whole benchmark's, for
 * measuring a change to the intake path against the echo of the same run.
 */
final class IntakeBench {
    private static final int EVENTS = 3;

    private IntakeBench() {
    }

    static Results runAlone(Path repo, Path out, boolean quick, boolean profile) throws Exception {
        Benchmarks.Sizes sizes = quick ? Benchmarks.Sizes.quick() : Benchmarks.Sizes.full();
        Results results = new Results("kt-event-marketing participation intake");
        results.detail("sizes", sizes.toString());
        results.detail("machine", Runtime.getRuntime().availableProcessors() + " cores, java " + Runtime.version());
        Path logs = out.resolve("logs-intake");
        Map<String, Benchmarks.ProfileWindow> windows = new LinkedHashMap<>();
        BenchStack stack = BenchStack.start(repo, logs,
                profile ? Map.of("api", Benchmarks.flightRecording(logs, "api")) : Map.of(), TemporalMode.DEV);
        try (NoopFlow.Runner noop = new NoopFlow.Runner(stack.temporalTarget())) {
            Api api = new Api(stack.api.url());
            Api sandbox = new Api(stack.sandbox.url());
            Checks.healAll(sandbox);
            BenchmarkContext ctx = new BenchmarkContext(sizes, results, out, stack, api, sandbox,
                    new TemporalComparison().backend(TemporalComparison.label(TemporalMode.DEV)), noop);
            EventFlowBenchmark.ActiveEvents active = activeEvents(api);
            Bench.log("%d events ACTIVE", active.outcomes().size());
            if (new IntakeBenchmark(ctx, windows).run(active.outcomes())) {
                new PacedIntakeBenchmark(ctx, windows).run(active);
            }
        } finally {
            stack.close();
        }
        if (profile) {
            Benchmarks.reportProfiles(results, logs, windows);
        }
        return results;
    }

    private static EventFlowBenchmark.ActiveEvents activeEvents(Api api) {
        List<FlowDriver.Outcome> outcomes = new ArrayList<>();
        Map<Long, String> owners = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int i = 0; i < EVENTS; i++) {
            String token = api.registerOwner();
            FlowDriver driver = new FlowDriver(api, token, FlowDriver.ALL_CHANNELS, 100);
            long id = driver.create("NEW_CUSTOMERS", deadline);
            FlowDriver.Outcome outcome = id > 0 ? driver.drive(id, "ACTIVE", deadline) : null;
            if (outcome != null && outcome.reached()) {
                outcomes.add(outcome);
                owners.put(id, token);
            }
        }
        return new EventFlowBenchmark.ActiveEvents(outcomes, owners);
    }
}
