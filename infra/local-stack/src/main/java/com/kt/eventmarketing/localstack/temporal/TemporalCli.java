package com.kt.eventmarketing.localstack.temporal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code temporal} CLI: {@code KT_TEMPORAL_CLI}, then PATH, then where {@code go install}
 * ({@code ~/go/bin}) and the official installer ({@code ~/.temporalio/bin}) put it.
 */
public final class TemporalCli {
    private TemporalCli() {
    }

    public static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        String explicit = System.getenv("KT_TEMPORAL_CLI");
        if (explicit != null && !explicit.isBlank()) {
            candidates.add(Path.of(explicit));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isBlank()) {
                candidates.add(Path.of(directory, "temporal"));
            }
        }
        String home = System.getProperty("user.home");
        candidates.add(Path.of(home, "go", "bin", "temporal"));
        candidates.add(Path.of(home, ".temporalio", "bin", "temporal"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
