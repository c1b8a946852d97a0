package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.kt.eventmarketing.bench.Results.f1;
import static com.kt.eventmarketing.bench.Results.f2;

/**
 * The Temporal-bound figures of one benchmark run per backend (dev server on SQLite, server mode on PostgreSQL),
 * turned into side-by-side rows: value = the later backend, baseline = the first, ratio = later / first.
 */
final class TemporalComparison {
    private final Map<String, Figures> byBackend = new LinkedHashMap<>();

    static String label(TemporalMode mode) {
        return switch (mode) {
            case DEV -> "dev server (SQLite)";
            case SERVER -> "server mode (PostgreSQL, 1 node)";
            case CLUSTER -> "server mode (PostgreSQL, 2 nodes)";
        };
    }

    Figures backend(String label) {
        return byBackend.computeIfAbsent(label, Figures::new);
    }

    /** One row per figure and later backend, against the first backend measured. */
    void addRows(Results results) {
        if (byBackend.size() < 2) {
            return;
        }
        Figures first = byBackend.values().iterator().next();
        for (Figures other : byBackend.values()) {
            if (other == first) {
                continue;
            }
            String vs = " — " + other.backend + " vs " + first.backend;
            results.add("No-op flow ceiling" + vs, f2(other.ceiling) + " wf/s", f2(first.ceiling) + " wf/s",
                    other.ceiling / first.ceiling, null, null, "best of the concurrency levels on each backend");
            results.add("Real flow" + vs, f2(other.flowRate) + " wf/s = " + f2(other.flowRate / other.ceiling) + " × its ceiling",
                    f2(first.flowRate) + " wf/s = " + f2(first.flowRate / first.ceiling) + " × its ceiling",
                    other.flowRate / first.flowRate, "≥ 0.5 × ceiling", other.flowRate >= 0.5 * other.ceiling, null);
            results.add("Bare StartWorkflowExecution p50 / p99" + vs, f1(other.startP50) + " / " + f1(other.startP99) + " ms",
                    f1(first.startP50) + " / " + f1(first.startP99) + " ms", other.startP99 / first.startP99, null, null, "4 clients");
            results.add("POST /api/v1/events p50 / p99" + vs, f1(other.postP50) + " / " + f1(other.postP99) + " ms",
                    f1(first.postP50) + " / " + f1(first.postP99) + " ms", other.postP99 / first.postP99, "p99 ≤ 50 ms",
                    other.postP99 <= 50, "4 clients");
        }
    }

    static final class Figures {
        private final String backend;
        private double ceiling = Double.NaN;
        private double flowRate = Double.NaN;
        private double startP50 = Double.NaN;
        private double startP99 = Double.NaN;
        private double postP50 = Double.NaN;
        private double postP99 = Double.NaN;

        private Figures(String backend) {
            this.backend = backend;
        }

        String backend() {
            return backend;
        }

        void flows(double ceilingPerSecond, double flowsPerSecond) {
            ceiling = ceilingPerSecond;
            flowRate = flowsPerSecond;
        }

        void starts(Stats bareStart, Stats post) {
            startP50 = bareStart.percentileMs(50);
            startP99 = bareStart.percentileMs(99);
            postP50 = post.percentileMs(50);
            postP99 = post.percentileMs(99);
        }
    }
}
