package com.kt.eventmarketing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where a paced run's slow answers sit in time. A tail made of a few stretches of consecutive slow entries is a stall
 * (a pause of some process, a checkpoint), one spread over the run is queueing; the stretches' wall-clock times are
 * printed so they can be laid beside the GC and PostgreSQL logs of the same run.
 */
final class SlowStretches {
    /** Slow entries whose scheduled sends are at most this far apart belong to one stretch. */
    static final long JOIN_NANOS = 20_000_000L;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /** Consecutive slow entries: from the first one's scheduled send to the last one's, the worst latency, how many. */
    record Stretch(long from, long to, long worst, int entries) {
    }

    private SlowStretches() {
    }

    /** Every entry as {@code sent_ms,latency_ms} (sent: its scheduled send, from the run's start), in sending order. */
    static void writeTimeline(Path file, List<Intake.Accepted> entries, long runStartNanos) throws IOException {
        StringBuilder csv = new StringBuilder("sent_ms,latency_ms\n");
        entries.stream().sorted(Comparator.comparingLong(Intake.Accepted::scheduledAt)).forEach(t -> csv
                .append(String.format(Locale.ROOT, "%.3f,%.3f%n", (t.scheduledAt() - runStartNanos) / 1e6, t.latency() / 1e6)));
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    static List<Stretch> find(List<Intake.Accepted> entries, long thresholdNanos) {
        List<Intake.Accepted> slow = entries.stream().filter(t -> t.latency() > thresholdNanos)
                .sorted(Comparator.comparingLong(Intake.Accepted::scheduledAt)).toList();
        List<Stretch> stretches = new ArrayList<>();
        Stretch open = null;
        for (Intake.Accepted t : slow) {
            if (open != null && t.scheduledAt() - open.to() <= JOIN_NANOS) {
                open = new Stretch(open.from(), t.scheduledAt(), Math.max(open.worst(), t.latency()), open.entries() + 1);
            } else {
                if (open != null) {
                    stretches.add(open);
                }
                open = new Stretch(t.scheduledAt(), t.scheduledAt(), t.latency(), 1);
            }
        }
        if (open != null) {
            stretches.add(open);
        }
        return stretches;
    }

    /**
     * "entries over 50 ms: 96 of 8,001 in 2 stretches; worst: 14:02:03.512 (+2.4 s) 80 ms long, 81 entries, up to
     * 131 ms; …" — the three stretches with the most entries, the run's start given as nanoTime and wall clock.
     */
    static String describe(List<Intake.Accepted> entries, long thresholdNanos, long runStartNanos, Instant runStart) {
        List<Stretch> stretches = find(entries, thresholdNanos);
        int slow = stretches.stream().mapToInt(Stretch::entries).sum();
        StringBuilder s = new StringBuilder("entries over ").append(thresholdNanos / 1_000_000).append(" ms: ")
                .append(String.format("%,d of %,d", slow, entries.size()));
        if (stretches.isEmpty()) {
            return s.toString();
        }
        s.append(" in ").append(stretches.size()).append(stretches.size() == 1 ? " stretch" : " stretches").append("; worst:");
        stretches.stream().sorted(Comparator.comparingInt(Stretch::entries).reversed()).limit(3).forEach(t -> {
            long offset = t.from() - runStartNanos;
            s.append(' ').append(CLOCK.format(runStart.plusNanos(offset)))
                    .append(String.format(" (+%.1f s) %d ms long, %d entries, up to %d ms;", offset / 1e9,
                            (t.to() - t.from()) / 1_000_000, t.entries(), t.worst() / 1_000_000));
        });
        s.setLength(s.length() - 1);
        return s.toString();
    }
}
