package com.kt.eventmarketing.localstack.temporal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The server mode's programs, built once per machine by {@code infra/scripts/ensure-temporal-server.sh} into
 * {@code KT_TEMPORAL_SERVER_HOME} (default {@code ~/.cache/kt-event-marketing/temporal-server-v1.29.1}):
 * the Temporal server, its SQL schema tool (schemas embedded) and the Web UI server.
 */
public record TemporalServerBinaries(Path server, Path sqlTool, Path uiServer) {
    public static final String VERSION = "v1.29.1";
    public static final String INSTALL_HINT = "run infra/scripts/ensure-temporal-server.sh (needs Go) to build "
            + "go.temporal.io/server/cmd/server@" + VERSION + ", its sql tool and github.com/temporalio/ui-server/v2";

    public static Optional<TemporalServerBinaries> locate() {
        String explicit = System.getenv("KT_TEMPORAL_SERVER_HOME");
        Path home = explicit != null && !explicit.isBlank()
                ? Path.of(explicit)
                : defaultCache().resolve("kt-event-marketing").resolve("temporal-server-" + VERSION);
        TemporalServerBinaries binaries = new TemporalServerBinaries(home.resolve("temporal-server"),
                home.resolve("temporal-sql-tool"), home.resolve("temporal-ui-server"));
        boolean complete = Files.isExecutable(binaries.server()) && Files.isExecutable(binaries.sqlTool())
                && Files.isExecutable(binaries.uiServer());
        return complete ? Optional.of(binaries) : Optional.empty();
    }

    /** Where the install script puts them: {@code $XDG_CACHE_HOME}, else {@code ~/.cache}. */
    private static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    }

    public static TemporalServerBinaries require() {
        return locate().orElseThrow(() -> new IllegalStateException(
                "Temporal server mode: binaries not found; " + INSTALL_HINT));
    }
}
