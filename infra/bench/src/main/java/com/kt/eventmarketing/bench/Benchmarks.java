package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * infra/benchmark.sh: every figure next to a baseline taken in the same run. The runner: it starts one stack per
 * Temporal backend and runs the benchmarks on it in a fixed order (each later one on the load the earlier left).
 */
public final class Benchmarks {
    /** Sizes: full run vs --quick. */
    public record Sizes(int flows, int flowConcurrency, int noopWorkflows, int starts, int intakeSeconds, int intakeClients,
                        int echoSeconds, int pacedSeconds, int distributionRuns, int drawEntries, int drawWinners) {
        static Sizes full() {
            return new Sizes(20, 10, 100, 200, 60, 64, 20, 15, 3, 1_000_000, 10_000);
        }

        static Sizes quick() {
            return new Sizes(6, 6, 40, 60, 15, 64, 10, 8, 1, 1_000_000, 10_000);
        }
    }

    private final Path repo;
    private final Path out;
    private final Sizes sizes;
    private final boolean profile;
    private final List<TemporalMode> backends;
    private final Results results = new Results("kt-event-marketing benchmark");
    private final TemporalComparison comparison = new TemporalComparison();
    /** The phases the profile reports on, by name: which application's recording, from when to when. */
    private final Map<String, ProfileWindow> profileWindows = new LinkedHashMap<>();

    record ProfileWindow(String app, Instant from, Instant to) {
    }

    /**
     * @param profile  record the gateway with JFR and report where its CPU went during the saturated intake
     * @param backends the Temporal figures are taken on each, one stack after the other, and compared side by side;
     *                 the intake, distribution and draw figures on the first only (they do not involve Temporal)
     */
    public Benchmarks(Path repo, Path out, Sizes sizes, boolean profile, List<TemporalMode> backends) {
        this.repo = repo;
        this.out = out;
        this.sizes = sizes;
        this.profile = profile;
        this.backends = backends;
    }

    public Results run() throws Exception {
        results.detail("sizes", sizes.toString());
        results.detail("machine", Runtime.getRuntime().availableProcessors() + " cores, java " + Runtime.version());
        WinnerDrawBenchmark.run(results, sizes);
        PosterBench.cost(results, sizes.equals(Sizes.quick()));
        Path logs = out.resolve("logs-benchmark");
        for (TemporalMode backend : backends) {
            boolean first = backend == backends.get(0);
            TemporalComparison.Figures figures = comparison.backend(TemporalComparison.label(backend));
            Bench.log("=== Temporal backend: %s", figures.backend());
            BenchStack stack = BenchStack.start(repo, logs, profile && first
                    ? Map.of("api", flightRecording(logs, "api"), "activities", flightRecording(logs, "activities"))
                    : Map.of(), backend);
            try {
                runOn(stack, figures, first);
            } finally {
                stack.close();
            }
        }
        comparison.addRows(results);
        if (profile) {
            reportProfiles(results, logs, profileWindows);
        }
        return results;
    }

    /** @param first the intake, distribution and images-step figures are taken on the first backend only */
    private void runOn(BenchStack stack, TemporalComparison.Figures figures, boolean first) throws Exception {
        Api api = new Api(stack.api.url());
        Api sandbox = new Api(stack.sandbox.url());
        Checks.healAll(sandbox);
        if (stack.temporalMode() == TemporalMode.DEV) {
            TemporalPersistenceSettings.report(results, stack);
        }
        if (first) {
            PosterBench.imagesStep(results, api, stack.temporalTarget()); // on a quiet stack, before the flows and the intake
        }
        try (NoopFlow.Runner noop = new NoopFlow.Runner(stack.temporalTarget())) {
            BenchmarkContext ctx = new BenchmarkContext(sizes, results, out, stack, api, sandbox, figures, noop);
            EventFlowBenchmark.ActiveEvents active = new EventFlowBenchmark(ctx, profileWindows).run();
            new StartLatencyBenchmark(ctx).run();
            if (first) {
                new DistributionBenchmark(ctx).run();
                if (new IntakeBenchmark(ctx, profileWindows).run(active.outcomes())) {
                    new PacedIntakeBenchmark(ctx, profileWindows).run(active);
                }
            }
        }
    }

    /** Where each recorded application's CPU went in each named window (the recordings are written at exit). */
    static void reportProfiles(Results results, Path logs, Map<String, ProfileWindow> windows) throws Exception {
        for (Map.Entry<String, ProfileWindow> entry : windows.entrySet()) {
            ProfileWindow window = entry.getValue();
            Path recording = logs.resolve(window.app() + ".jfr");
            JfrProfile.Summary cpu = JfrProfile.summarize(recording, window.from(), window.to());
            Bench.log("%s profile during the %s (%s):%n%s", window.app(), entry.getKey(), recording, cpu.describe());
            results.detail(window.app() + "Profile: " + entry.getKey(), cpu.toMap());
        }
    }

    static List<String> flightRecording(Path logs, String app) {
        return List.of("-XX:StartFlightRecording=filename=" + logs.resolve(app + ".jfr") + ",settings=profile,dumponexit=true");
    }
}
