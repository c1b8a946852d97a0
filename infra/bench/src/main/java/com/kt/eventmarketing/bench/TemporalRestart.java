package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.time.Duration;

/** Temporal stopped for 5 s mid-batch and started again on the same persistence: every flow resumes. */
final class TemporalRestart implements FaultScenario {
    @Override
    public String title() {
        return "Temporal stopped and restarted mid-batch";
    }

    @Override
    public void run(FaultContext faults, String label) throws Exception {
        BenchStack stack = faults.stack;
        long t0 = System.nanoTime();
        var futures = faults.startBatch(faults.batch(), false, Duration.ofMinutes(8));
        Bench.sleep(4000);
        stack.stopTemporal();
        Bench.log("Temporal stopped");
        Bench.sleep(5000);
        long t = System.nanoTime();
        stack.startTemporal();
        String event = String.format("stopped 5 s mid-batch, restarted on the same %s in %.1f s",
                stack.temporalMode() == TemporalMode.DEV ? "SQLite file" : "PostgreSQL databases", (System.nanoTime() - t) / 1e9);
        Bench.log("%s", event);
        faults.assertFlows(label, FaultContext.await(futures), (System.nanoTime() - t0) / 1e9, event, true);
    }
}
