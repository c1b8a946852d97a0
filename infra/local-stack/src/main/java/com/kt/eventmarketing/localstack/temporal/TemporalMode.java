package com.kt.eventmarketing.localstack.temporal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which Temporal the launcher, the test servers and the harness start: system property {@value #PROPERTY},
 * else environment variable {@value #ENVIRONMENT}, else {@link #DEV}.
 */
public enum TemporalMode {
    /** The CLI's dev server on SQLite (the Java test server when the CLI is missing). */
    DEV(0),
    /** The Temporal server on PostgreSQL, one node. */
    SERVER(1),
    /** The Temporal server on PostgreSQL, two nodes sharing the history shards. */
    CLUSTER(2);

    public static final String PROPERTY = "kt.test.temporal";
    public static final String ENVIRONMENT = "KT_TEMPORAL_MODE";

    private final int nodes;

    TemporalMode(int nodes) {
        this.nodes = nodes;
    }

    public int nodes() {
        return nodes;
    }

    public static TemporalMode configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        return value == null || value.isBlank() ? DEV : parse(value);
    }

    public static TemporalMode parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.name().equals(normalized)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " / " + ENVIRONMENT + " must be one of "
                        + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                        + ", was '" + value + "'"));
    }
}
