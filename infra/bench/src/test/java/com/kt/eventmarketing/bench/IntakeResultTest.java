package com.kt.eventmarketing.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The intake's slices, alternating with the echo's, are reported as one run. */
class IntakeResultTest {
    private static Intake.Result run(double seconds, double apiCores, long... entryNumbers) {
        Intake.Result r = new Intake.Result();
        r.seconds = seconds;
        r.cpu = Map.of("api", apiCores);
        for (int seq = 0; seq < entryNumbers.length; seq++) {
            r.accept(new Intake.Accepted(seq, entryNumbers[seq], 0, 0));
            r.latency.add(1_000_000L * (seq + 1));
            r.statuses.computeIfAbsent(201, s -> new AtomicInteger()).incrementAndGet();
        }
        r.statuses.put(409, new AtomicInteger(1));
        return r;
    }

    @Test
    void slicesAddUpTheirCountsAndTimesAverageTheirCpuByTimeAndKeepTheirEntriesApart() {
        Intake.Result all = Intake.Result.combine(List.of(run(2, 1.0, 11, 12), run(6, 2.0, 13, 14, 15)));

        assertThat(all.acceptedCount()).isEqualTo(5);
        assertThat(all.seconds).isEqualTo(8.0);
        assertThat(all.perSecond()).isEqualTo(5 / 8.0);
        assertThat(all.cpu.get("api")).isCloseTo((1.0 * 2 + 2.0 * 6) / 8, within(1e-9));
        assertThat(all.statuses.get(201).get()).isEqualTo(5);
        assertThat(all.statuses.get(409).get()).isEqualTo(2);
        assertThat(all.latency.count()).isEqualTo(5);
        assertThat(all.accepted.stream().map(Intake.Accepted::seq).distinct().count())
                .as("seq 0 of the second slice is another entry than seq 0 of the first").isEqualTo(5);
    }
}
