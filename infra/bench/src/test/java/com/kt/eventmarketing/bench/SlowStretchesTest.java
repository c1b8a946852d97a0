package com.kt.eventmarketing.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlowStretchesTest {
    private static final long MS = 1_000_000L;

    @Test
    void slowEntriesCloseInTimeFormOneStretchAndASeparateOneItsOwn() {
        List<Intake.Accepted> run = new ArrayList<>();
        for (int i = 0; i < 1000; i++) { // one entry a millisecond, answered in 3 ms
            run.add(entry(i, i * MS, 3 * MS));
        }
        for (int i = 200; i < 260; i++) { // a 60 ms stall: the entries due in it wait until it ends
            run.set(i, entry(i, i * MS, (260 - i) * MS + 55 * MS));
        }
        run.set(700, entry(700, 700 * MS, 90 * MS)); // one slow answer alone, far from the stall

        List<SlowStretches.Stretch> stretches = SlowStretches.find(run, 50 * MS);

        assertThat(stretches).hasSize(2);
        assertThat(stretches.get(0)).isEqualTo(new SlowStretches.Stretch(200 * MS, 259 * MS, 115 * MS, 60));
        assertThat(stretches.get(1)).isEqualTo(new SlowStretches.Stretch(700 * MS, 700 * MS, 90 * MS, 1));
    }

    @Test
    void theDescriptionCountsTheSlowAndPlacesTheLargestStretchFirstOnTheWallClock() {
        List<Intake.Accepted> run = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            run.add(entry(i, i * MS, (i >= 10 && i < 13) || (i >= 50 && i < 60) ? 70 * MS : MS));
        }
        Instant start = Instant.parse("2026-11-30T05:00:00Z");

        String described = SlowStretches.describe(run, 50 * MS, 0, start);

        assertThat(described).startsWith("entries over 50 ms: 13 of 100 in 2 stretches; worst: ");
        assertThat(described.indexOf("(+0.1 s) 9 ms long, 10 entries")).isLessThan(described.indexOf("(+0.0 s) 2 ms long, 3 entries"));
        assertThat(SlowStretches.describe(run.subList(0, 10), 50 * MS, 0, start)).isEqualTo("entries over 50 ms: 0 of 10");
    }

    @Test
    void theTimelineListsEveryEntryInSendingOrderFromTheRunsStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("timelines").resolve("paced.csv");

        SlowStretches.writeTimeline(file, List.of(entry(2, 7 * MS, 2 * MS), entry(1, 5 * MS + MS / 2, 60 * MS)), 5 * MS);

        assertThat(Files.readAllLines(file)).containsExactly("sent_ms,latency_ms", "0.500,60.000", "2.000,2.000");
    }

    private static Intake.Accepted entry(int seq, long scheduledAt, long latency) {
        return new Intake.Accepted(seq, seq, scheduledAt, scheduledAt + latency);
    }
}
