package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import com.kt.eventmarketing.localstack.process.ChildProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporal's two databases on our PostgreSQL, set up and migrated by Temporal's own SQL tool exactly as its
 * auto-setup image does: {@code setup-schema -v 0.0} (version tables, idempotent) then {@code update-schema}
 * to the newest embedded version. {@code temporal_visibility} is the advanced visibility store (PostgreSQL
 * v12 schema), which our search attributes and the Web UI's filters need.
 */
public final class TemporalSchema {
    public static final String USER = "temporal";
    public static final String PASSWORD = "temporal";
    public static final String DATABASE = "temporal";
    public static final String VISIBILITY_DATABASE = "temporal_visibility";

    private TemporalSchema() {
    }

    public static void ensure(TemporalServerBinaries binaries, PostgresServer postgres, Path logFile) {
        for (String database : List.of(DATABASE, VISIBILITY_DATABASE)) {
            postgres.ensureDatabase(USER, PASSWORD, database);
        }
        migrate(binaries, postgres, DATABASE, "postgresql/v12/temporal", logFile);
        migrate(binaries, postgres, VISIBILITY_DATABASE, "postgresql/v12/visibility", logFile);
    }

    private static void migrate(TemporalServerBinaries binaries, PostgresServer postgres, String database,
                                String schema, Path logFile) {
        List<String> connection = List.of(binaries.sqlTool().toString(), "--plugin", "postgres12",
                "--endpoint", Ports.LOOPBACK, "--port", String.valueOf(postgres.port()),
                "--user", USER, "--password", PASSWORD, "--database", database);
        run(connection, List.of("setup-schema", "-v", "0.0"), logFile);
        run(connection, List.of("update-schema", "--schema-name", schema), logFile);
    }

    private static void run(List<String> connection, List<String> task, Path logFile) {
        List<String> command = new ArrayList<>(connection);
        command.addAll(task);
        ChildProcess tool = ChildProcess.startLoggingTo("temporal-sql-tool", command, logFile);
        if (!tool.waitFor(Duration.ofMinutes(2)) || tool.exitValue() != 0) {
            tool.kill();
            throw new IllegalStateException("temporal-sql-tool " + String.join(" ", task) + " failed; "
                    + logFile + " ends with:\n" + ChildProcess.tail(logFile, 20));
        }
    }
}
