package com.kt.eventmarketing.localstack.postgres;

import com.kt.eventmarketing.localstack.BuildVersions;
import com.kt.eventmarketing.localstack.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL server (zonky's bundled binaries, pinned to {@link #VERSION} by the root pom's
 * {@code postgres.version}, the deployment's major) with the application's role and database.
 * Persistent mode keeps the data directory between runs; ephemeral mode uses a temp directory and a random port.
 * Works as root too: zonky then runs initdb and postgres under {@code unshare -U}, because PostgreSQL refuses root.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String DATABASE = "ktevent";
    public static final String USER = "kt";
    public static final String PASSWORD = "kt";
    /** The version of the bundled binaries, as the build wrote it ({@link BuildVersions}). */
    public static final String VERSION = BuildVersions.postgres();

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer persistent(int port, Path dataDirectory) {
        Ports.requireFree(port, "PostgreSQL");
        PinnedVersion.requireSameMajor(dataDirectory, VERSION);
        return start(port, dataDirectory, false);
    }

    public static PostgresServer ephemeral() {
        try {
            Path dataDirectory = Files.createTempDirectory("kt-postgres-");
            return Ports.startOnFreePort("PostgreSQL", port -> start(port, dataDirectory, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PostgresServer start(int port, Path dataDirectory, boolean clean) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    // first start on a cold machine extracts binaries and runs initdb: slower than the 10 s default
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // every owner (launcher, RealServers, bench) stops it in order, after the apps that use it;
                    // zonky's own hook would stop it concurrently with them and leave their shutdown hanging
                    .setRegisterShutdownHook(false)
                    .start();
            ApplicationDatabase.ensure(postgres.getPostgresDatabase(), USER, PASSWORD, DATABASE);
            return new PostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + " in " + dataDirectory, e);
        }
    }

    /** A login role and a database it owns, created on first use (Temporal's {@code temporal} databases). */
    public void ensureDatabase(String user, String password, String database) {
        ApplicationDatabase.ensure(postgres.getPostgresDatabase(), user, password, database);
    }

    public int port() {
        return postgres.getPort();
    }

    /** A database on this server as {@code user} (local connections are trusted). */
    public DataSource database(String user, String database) {
        return postgres.getDatabase(user, database);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pg_ctl detaches the server, so it is no child of ours: its data directory names it (first line). */
    public static Optional<Long> postmasterPid(Path dataDirectory) {
        try (var lines = Files.lines(dataDirectory.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
