package com.kt.eventmarketing.testsupport;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which servers {@link RealServers} starts, chosen by the system property {@value #PROPERTY}: the embedded
 * ones (default, no Docker needed) or the production images through Testcontainers ({@code -Pcontainers}).
 * The same fixtures and tests run on either.
 */
enum ServerProvider {
    EMBEDDED {
        @Override
        ServerSet start() {
            return EmbeddedServers.start();
        }
    },
    CONTAINERS {
        @Override
        ServerSet start() {
            return ContainerServers.start();
        }
    };

    static final String PROPERTY = "kt.test.servers";

    abstract ServerSet start();

    static ServerProvider configured() {
        return parse(System.getProperty(PROPERTY, "embedded"));
    }

    static ServerProvider parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(provider -> provider.name().equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " must be one of "
                        + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                        + ", was '" + value + "'"));
    }
}
