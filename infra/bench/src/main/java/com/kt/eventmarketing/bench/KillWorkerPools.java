package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.apps.StackApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code kill -9} of the flow pool, the activities pool and the flow pool again in the middle of a batch of flows. */
final class KillWorkerPools implements FaultScenario {
    @Override
    public String title() {
        return "kill -9 of each worker pool mid-batch";
    }

    @Override
    public void run(FaultContext faults, String label) throws Exception {
        long t0 = System.nanoTime();
        var futures = faults.startBatch(faults.batch(), false, Duration.ofMinutes(8));
        List<String> events = new ArrayList<>();
        Bench.sleep(3000);
        killAndRestart(faults.stack.flow, events);
        Bench.sleep(2000);
        killAndRestart(faults.stack.activities, events);
        Bench.sleep(4000);
        killAndRestart(faults.stack.flow, events);
        List<FlowDriver.Outcome> outcomes = FaultContext.await(futures);
        faults.assertFlows(label, outcomes, (System.nanoTime() - t0) / 1e9, String.join("; ", events), true);
    }

    private static void killAndRestart(StackApp pool, List<String> events) {
        long pid = pool.pid();
        pool.kill9();
        long t = System.nanoTime();
        pool.launch().awaitBound(BenchStack.APP_START_TIMEOUT).awaitHealthy(BenchStack.APP_START_TIMEOUT);
        events.add(String.format("kill -9 %s (pid %d), back in %.0f s", pool.name(), pid, (System.nanoTime() - t) / 1e9));
        Bench.log("%s", events.get(events.size() - 1));
    }
}
