package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalPostgresServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What the fault scenarios share: the stack they break, its APIs, the owners who create events, and the checks
 * that every flow of a batch completed with every (event, channel) posted exactly once.
 */
final class FaultContext {
    final BenchStack stack;
    final Api api;
    final Api sandbox;
    final boolean quick;
    final Results results;
    final List<String> tokens;

    FaultContext(BenchStack stack, Api api, Api sandbox, boolean quick, Results results, List<String> tokens) {
        this.stack = stack;
        this.api = api;
        this.sandbox = sandbox;
        this.quick = quick;
        this.results = results;
        this.tokens = tokens;
    }

    int batch() {
        return quick ? 4 : 8;
    }

    /** Starts one driver per owner token; each creates one event and drives it to ACTIVE. */
    List<Future<FlowDriver.Outcome>> startBatch(int n, boolean retryFailed, Duration timeout) {
        ExecutorService pool = Executors.newFixedThreadPool(n, Intake.named("bench-load-flow"));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<FlowDriver.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String token = tokens.get(i % tokens.size());
            futures.add(pool.submit(() -> {
                FlowDriver d = new FlowDriver(api, token, FlowDriver.ALL_CHANNELS, 200);
                if (retryFailed) {
                    d.retryingFailedChannels();
                }
                long id = d.create("SALES", deadline);
                return id < 0 ? new FlowDriver.Outcome(-1, "?", false, 0, 0, "not created") : d.drive(id, "ACTIVE", deadline);
            }));
        }
        pool.shutdown();
        return futures;
    }

    static List<FlowDriver.Outcome> await(List<Future<FlowDriver.Outcome>> futures) throws Exception {
        List<FlowDriver.Outcome> list = new ArrayList<>();
        for (Future<FlowDriver.Outcome> f : futures) {
            list.add(f.get(15, TimeUnit.MINUTES));
        }
        return list;
    }

    /** Every flow reached ACTIVE and every (event, channel) was posted exactly once. */
    void assertFlows(String label, List<FlowDriver.Outcome> outcomes, double seconds, String extra, boolean extraOk) {
        long reached = outcomes.stream().filter(FlowDriver.Outcome::reached).count();
        List<Long> ids = outcomes.stream().filter(o -> o.eventId() > 0).map(FlowDriver.Outcome::eventId).toList();
        Checks.PostCheck posts = Checks.posts(sandbox, ids, FlowDriver.ALL_CHANNELS);
        boolean ok = reached == outcomes.size() && posts.exactlyOnce() && extraOk;
        results.add(label, reached + "/" + outcomes.size() + " workflows ACTIVE in " + Results.f0(seconds) + " s; "
                        + posts.posts() + " posts, " + posts.duplicates() + " duplicates, " + posts.missing() + " (event, channel) without a post",
                null, null, "all complete, each post exactly once", ok,
                extra + (reached == outcomes.size() ? "" : "; not reached: " + outcomes.stream().filter(o -> !o.reached()).map(Record::toString).toList()));
        results.detail(label, Map.of("outcomes", outcomes.stream().map(Record::toString).toList(), "sandboxRequestsPerKey", posts.requestsByKey()));
    }

    /** {@link #assertFlows} and, in addition, that no workflow task is left pending past its timeout. */
    void assertWithoutStuckTasks(String label, List<FlowDriver.Outcome> outcomes, long t0, String events) {
        List<String> ids = outcomes.stream().filter(o -> o.eventId() > 0).map(o -> "event-" + o.eventId()).toList();
        List<String> stuck = StuckWorkflowTasks.find(stack.temporalTarget(), ids);
        assertFlows(label, outcomes, (System.nanoTime() - t0) / 1e9,
                events + "; workflow tasks stuck past their timeout: " + (stuck.isEmpty() ? "none" : stuck), stuck.isEmpty());
    }

    TemporalPostgresServer cluster() {
        return stack.temporalCluster().filter(c -> c.nodes().size() == 2)
                .orElseThrow(() -> new IllegalStateException("needs the two-node cluster (--temporal=cluster)"));
    }
}
