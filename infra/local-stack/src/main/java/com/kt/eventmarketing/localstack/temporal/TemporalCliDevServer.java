package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.process.ChildProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real Temporal server in one process ({@code temporal server start-dev}): SQLite persistence when given
 * a database file, the Web UI unless headless, and our search attributes registered at start.
 */
public final class TemporalCliDevServer implements TemporalServer {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final List<String> command;
    /**
     * The CLI's default SQLite file runs in rollback-journal mode with an fsync per commit on its one connection:
     * every workflow task, timer and activity result queues behind it (benchmark: 2-4x fewer workflows/s, and start
     * latency in the hundreds of ms). With WAL and synchronous=NORMAL a commit is a write to the log without an
     * fsync; a killed server process loses nothing (the log is in the OS cache), only an OS crash or power cut can
     * drop the last commits, which is acceptable for a dev server. Production runs Temporal on PostgreSQL.
     */
    public static final List<String> SQLITE_PRAGMAS = List.of(
            "--sqlite-pragma", "journal_mode=wal", "--sqlite-pragma", "synchronous=normal");

    /**
     * One partition per task queue. Temporal's default of four spreads a busy queue over matching hosts; in one
     * process with a couple of pollers per queue, a task written to a partition no poller waits on sat there until a
     * long poll ended: the statistics round's first workflow task started exactly 60 s after it was scheduled, in one
     * CI run in three (ChannelStatsScheduleTest prints the history when a round is slow).
     */
    public static final List<String> ONE_PARTITION_PER_QUEUE = List.of(
            "--dynamic-config-value", "matching.numTaskqueueReadPartitions=1",
            "--dynamic-config-value", "matching.numTaskqueueWritePartitions=1");

    private final int port;
    private final Optional<Integer> uiPort;
    private final ChildProcess process;

    private TemporalCliDevServer(List<String> command, int port, Optional<Integer> uiPort, ChildProcess process) {
        this.command = List.copyOf(command);
        this.port = port;
        this.uiPort = uiPort;
        this.process = process;
    }

    /**
     * @param databaseFile SQLite file that keeps workflows across restarts; empty keeps them in memory
     * @param uiPort       Web UI port; empty starts the server headless
     */
    public static TemporalCliDevServer start(Path cli, int port, Optional<Integer> uiPort, Optional<Path> databaseFile) {
        List<String> persistence = new ArrayList<>();
        databaseFile.ifPresent(file -> {
            persistence.addAll(List.of("--db-filename", prepare(file).toString()));
            persistence.addAll(SQLITE_PRAGMAS);
        });
        return start(cli, port, uiPort, persistence);
    }

    /**
     * A headless server with other persistence settings than the stack's ({@code --db-filename} without our pragmas,
     * or nothing for memory): the benchmark compares them with the stack's server.
     */
    public static TemporalCliDevServer startWithPersistence(Path cli, int port, List<String> persistence) {
        return start(cli, port, Optional.empty(), persistence);
    }

    private static TemporalCliDevServer start(Path cli, int port, Optional<Integer> uiPort, List<String> persistence) {
        Ports.requireFree(port, "Temporal");
        uiPort.ifPresent(p -> Ports.requireFree(p, "Temporal Web UI"));
        List<String> command = new ArrayList<>(List.of(cli.toString(), "server", "start-dev",
                "--ip", Ports.LOOPBACK, "--port", String.valueOf(port), "--log-level", "warn"));
        uiPort.ifPresentOrElse(p -> command.addAll(List.of("--ui-port", String.valueOf(p))), () -> command.add("--headless"));
        command.addAll(ONE_PARTITION_PER_QUEUE);
        command.addAll(persistence);
        TemporalSettings.shared().searchAttributes()
                .forEach((name, type) -> command.addAll(List.of("--search-attribute", name + "=" + type)));
        ChildProcess process = ChildProcess.start("temporal", command, Map.of(), Path.of("."));
        TemporalCliDevServer server = new TemporalCliDevServer(command, port, uiPort, process);
        try {
            server.awaitReady();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static Path prepare(Path databaseFile) {
        try {
            Files.createDirectories(databaseFile.toAbsolutePath().getParent());
            return databaseFile.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An open port is not enough: the frontend answers before the default namespace exists. */
    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!namespaceDescribable()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("temporal server start-dev exited with code " + process.exitValue()
                        + ":" + System.lineSeparator() + process.recentOutput());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Temporal dev server on port " + port + " not ready within " + START_TIMEOUT);
            }
            sleep(Duration.ofMillis(300));
        }
    }

    private boolean namespaceDescribable() {
        if (!Ports.isOpen(port)) {
            return false;
        }
        try {
            Process describe = new ProcessBuilder(command.get(0), "operator", "namespace", "describe",
                    "--namespace", "default", "--address", target())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!describe.waitFor(10, TimeUnit.SECONDS)) {
                describe.destroyForcibly();
                return false;
            }
            return describe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Temporal", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Temporal", e);
        }
    }

    @Override
    public String target() {
        return Ports.LOOPBACK + ":" + port;
    }

    @Override
    public Optional<String> webUiUrl() {
        return uiPort.map(p -> "http://" + Ports.LOOPBACK + ":" + p);
    }

    @Override
    public String description() {
        return "Temporal CLI dev server: " + String.join(" ", command);
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
