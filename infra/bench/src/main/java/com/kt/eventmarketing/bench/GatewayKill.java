package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.apps.StackApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** api-gateway {@code kill -9}'d under participation load while clients retry with the same Idempotency-Key. */
final class GatewayKill implements FaultScenario {
    @Override
    public String title() {
        return "api-gateway killed (kill -9) under load, clients retry with the same Idempotency-Key";
    }

    @Override
    public void run(FaultContext faults, String label) throws Exception {
        StackApp gateway = faults.stack.api;
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ParticipationUnderFault l = ParticipationUnderFault.run(faults, Duration.ofSeconds(faults.quick ? 20 : 40), () -> {
            Bench.sleep(4000);
            long pid = gateway.pid();
            gateway.kill9();
            long t = System.nanoTime();
            gateway.launch().awaitBound(BenchStack.APP_START_TIMEOUT).awaitHealthy(BenchStack.APP_START_TIMEOUT);
            events.add(String.format("kill -9 api (pid %d) at 4 s, healthy again after %.0f s", pid, (System.nanoTime() - t) / 1e9));
        });
        l.addRow(faults.results, label, String.join(", ", events), l.result().replays.get() >= 0, null);
    }
}
