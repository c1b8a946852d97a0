package com.kt.eventmarketing.bench;

import java.util.Arrays;

/** Latency samples (nanoseconds) and their nearest-rank percentiles. Thread-safe appends. */
public final class Stats {
    private long[] samples = new long[1024];
    private int size;

    public synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    /** Appends every sample of {@code other}. */
    public void addAll(Stats other) {
        long[] theirs;
        int n;
        synchronized (other) {
            theirs = other.samples;
            n = other.size;
        }
        for (int i = 0; i < n; i++) {
            add(theirs[i]);
        }
    }

    public synchronized int count() {
        return size;
    }

    /** Nearest-rank percentile in milliseconds; NaN when empty. {@code p} in (0, 100]. */
    public synchronized double percentileMs(double p) {
        return percentile(Arrays.copyOf(samples, size), p) / 1e6;
    }

    public synchronized double maxMs() {
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, samples[i]);
        }
        return size == 0 ? Double.NaN : max / 1e6;
    }

    static double percentile(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
