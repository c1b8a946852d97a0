package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.apps.StackApp;
import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * infra/fault-injection.sh: the scenarios on one local stack, in the order of {@link #SCENARIOS}, each ending in
 * assertions against the database, the sandbox's request log and the REST API.
 */
public final class FaultInjection {
    /** Run in this order; {@code --only=} picks by name and keeps this order. */
    static final List<FaultScenario> SCENARIOS = List.of(
            new KillWorkerPools(),
            new TemporalRestart(),
            new ChannelOutage(),
            new GatewayKill(),
            new KafkaOutage(),
            new TemporalNodeKill(),
            new PostgresRestart(),
            new TemporalClusterOutage(),
            // last: a Redis restart leaves stale pooled connections behind (see the cache check in the scenario)
            new RedisOutage());

    private final Path repo;
    private final Path out;
    private final boolean quick;
    private final List<FaultScenario> selected;
    private final TemporalMode temporal;
    private final Results results = new Results("kt-event-marketing fault injection");

    /**
     * @param only     scenario names (case-insensitive); empty runs them all
     * @param temporal the Temporal to run on; the scenarios of its own failures need {@link TemporalMode#CLUSTER}
     */
    public FaultInjection(Path repo, Path out, boolean quick, List<String> only, TemporalMode temporal) {
        this.repo = repo;
        this.out = out;
        this.quick = quick;
        this.temporal = temporal;
        this.selected = select(only, temporal);
    }

    /** The scenarios to run, in {@link #SCENARIOS}' order; an unknown name fails before any stack starts. */
    static List<FaultScenario> select(List<String> only, TemporalMode temporal) {
        List<String> names = SCENARIOS.stream().map(FaultScenario::name).toList();
        for (String name : only) {
            if (names.stream().noneMatch(name::equalsIgnoreCase)) {
                throw new IllegalArgumentException("unknown scenario " + name + "; the scenarios: " + String.join(", ", names));
            }
        }
        List<FaultScenario> selected = new ArrayList<>();
        for (FaultScenario s : SCENARIOS) {
            boolean asked = only.isEmpty() || only.stream().anyMatch(s.name()::equalsIgnoreCase);
            if (asked && (!s.needsCluster() || temporal == TemporalMode.CLUSTER)) {
                selected.add(s);
            } else if (asked && !only.isEmpty()) {
                Bench.log("skipping %s: it needs --temporal=cluster", s.name());
            }
        }
        return selected;
    }

    public Results run() throws Exception {
        BenchStack stack = BenchStack.start(repo, out.resolve("logs-fault-injection"), temporal);
        try {
            Api api = new Api(stack.api.url());
            Api sandbox = new Api(stack.sandbox.url());
            Checks.healAll(sandbox);
            List<String> tokens = new ArrayList<>();
            FaultContext faults = new FaultContext(stack, api, sandbox, quick, results, tokens);
            for (int i = 0; i < faults.batch(); i++) {
                tokens.add(api.registerOwner());
            }
            for (FaultScenario scenario : selected) {
                run(faults, scenario);
            }
        } finally {
            stack.close();
        }
        return results;
    }

    private void run(FaultContext faults, FaultScenario scenario) {
        String label = scenario.name() + ": " + scenario.title();
        Bench.log("=== scenario %s", label);
        long t0 = System.nanoTime();
        try {
            scenario.run(faults, label);
        } catch (Exception | AssertionError e) {
            results.add(label, "ERROR", null, null, null, false, e.toString());
            e.printStackTrace(System.out);
        } finally {
            Checks.healAll(faults.sandbox);
            for (StackApp app : faults.stack.apps()) {
                if (!app.isAlive()) {
                    app.launch().awaitBound(BenchStack.APP_START_TIMEOUT).awaitHealthy(BenchStack.APP_START_TIMEOUT);
                }
            }
            Bench.log("scenario %s took %.0f s", scenario.name(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
