package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalNode;

import java.time.Duration;
import java.util.List;

/**
 * The second of the cluster's two nodes {@code kill -9}'d mid-batch and restarted 15 s later. The second is the
 * victim: the applications reach Temporal through the first node's frontend (locally there is no load balancer in
 * front of both), so killing the second loses history shards and matching partitions — the interesting part —
 * without also cutting every client off.
 */
final class TemporalNodeKill implements FaultScenario {
    @Override
    public String title() {
        return "one of two Temporal nodes kill -9'd mid-batch";
    }

    @Override
    public boolean needsCluster() {
        return true;
    }

    @Override
    public void run(FaultContext faults, String label) throws Exception {
        TemporalNode victim = faults.cluster().nodes().get(1);
        long t0 = System.nanoTime();
        var futures = faults.startBatch(faults.batch(), false, Duration.ofMinutes(10));
        Bench.sleep(4000);
        int shards = victim.ownedShards();
        long pid = victim.pid();
        victim.kill();
        Bench.log("kill -9 %s (pid %d, %d shards)", victim.name(), pid, shards);
        Bench.sleep(15_000);
        victim.start();
        String events = String.format("kill -9 %s (pid %d, owned %d of the shards) at 4 s, restarted 15 s later", victim.name(), pid, shards);
        List<FlowDriver.Outcome> outcomes = FaultContext.await(futures);
        faults.assertWithoutStuckTasks(label, outcomes, t0, events);
    }
}
