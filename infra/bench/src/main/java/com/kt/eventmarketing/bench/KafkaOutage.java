package com.kt.eventmarketing.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Kafka broker stopped under participation load: no accepted entry lost, and afterwards the outbox drains and
 * the analytics projection converges to the participant count.
 */
final class KafkaOutage implements FaultScenario {
    @Override
    public String title() {
        return "Kafka broker stopped under participation load";
    }

    @Override
    public void run(FaultContext faults, String label) throws Exception {
        BenchStack stack = faults.stack;
        int outage = faults.quick ? 20 : 60;
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ParticipationUnderFault l = ParticipationUnderFault.run(faults, Duration.ofSeconds(outage + 10), () -> {
            Bench.sleep(3000);
            stack.stopKafka();
            events.add("Kafka stopped at 3 s for " + outage + " s");
            Bench.sleep(outage * 1000L);
            long t = System.nanoTime();
            stack.startKafka();
            events.add(String.format("restarted in %.1f s", (System.nanoTime() - t) / 1e9));
        });
        Checks.Drain drain;
        try (Connection db = stack.db()) {
            drain = Checks.awaitDrained(db, l.eventId(), Duration.ofSeconds(120));
        }
        String extra = "after the load: outbox unpublished " + drain.unpublished() + ", participants " + drain.rows()
                + ", analytics projection " + drain.projected()
                + (drain.converged() ? String.format(" (converged %.1f s after the load ended)", drain.seconds()) : " (did not converge in 120 s)");
        l.addRow(faults.results, label, String.join(", ", events), drain.converged(), extra);
    }
}
