package com.kt.eventmarketing.bench;

import java.time.Duration;

/** PostgreSQL — Temporal's databases and the application's — stopped 5 s mid-batch on the two-node cluster. */
final class PostgresRestart implements FaultScenario {
    @Override
    public String title() {
        return "PostgreSQL restarted under Temporal mid-batch";
    }

    @Override
    public boolean needsCluster() {
        return true;
    }

    @Override
    public void run(FaultContext faults, String label) throws Exception {
        long t0 = System.nanoTime();
        var futures = faults.startBatch(faults.batch(), false, Duration.ofMinutes(10));
        Bench.sleep(4000);
        faults.stack.stopPostgres();
        Bench.log("PostgreSQL stopped");
        Bench.sleep(5000);
        long t = System.nanoTime();
        faults.stack.startPostgres();
        String events = String.format("PostgreSQL (Temporal's and the application's databases) stopped 5 s at 4 s, back in %.1f s",
                (System.nanoTime() - t) / 1e9);
        Bench.log("%s", events);
        faults.assertWithoutStuckTasks(label, FaultContext.await(futures), t0, events);
    }
}
