package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.postgres.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the Temporal of the {@link TemporalMode configured mode}. The dev mode picks the best available: the CLI
 * dev server if installed, else the Java test server (with a warning). The server modes never fall back: a run
 * that asked for Temporal on PostgreSQL and silently got something else would prove nothing.
 */
public final class TemporalServers {
    private TemporalServers() {
    }

    /**
     * @param uiPort        Web UI port, empty for headless (not the Java test server's)
     * @param dataDirectory the dev server's SQLite file lives here, the server mode's configs and logs; empty for
     *                      an in-memory dev server and a temporary directory
     * @param postgres      where the server modes keep their databases
     */
    public static TemporalServer start(TemporalMode mode, int port, Optional<Integer> uiPort,
                                       Optional<Path> dataDirectory, PostgresServer postgres) {
        if (mode != TemporalMode.DEV) {
            return TemporalPostgresServer.start(TemporalServerBinaries.require(), postgres, mode.nodes(), port, uiPort,
                    dataDirectory.orElseGet(TemporalServers::temporaryDirectory));
        }
        Optional<Path> cli = TemporalCli.locate();
        if (cli.isPresent()) {
            return TemporalCliDevServer.start(cli.get(), port, uiPort, dataDirectory.map(dir -> dir.resolve("temporal.db")));
        }
        TemporalJavaTestServer.warnAboutLimits();
        return TemporalJavaTestServer.start(port);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kt-temporal-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
