package com.kt.eventmarketing.localstack.temporal;

import java.nio.file.Path;
import java.util.Optional;

/** Picks the best Temporal available: the CLI dev server if installed, else the Java test server (with a warning). */
public final class TemporalServers {
    private TemporalServers() {
    }

    /**
     * @param uiPort       Web UI port, empty for headless (CLI only)
     * @param databaseFile SQLite file for persistence, empty for in-memory (CLI only)
     */
    public static TemporalServer start(int port, Optional<Integer> uiPort, Optional<Path> databaseFile) {
        Optional<Path> cli = TemporalCli.locate();
        if (cli.isPresent()) {
            return TemporalCliDevServer.start(cli.get(), port, uiPort, databaseFile);
        }
        TemporalJavaTestServer.warnAboutLimits();
        return TemporalJavaTestServer.start(port);
    }
}
