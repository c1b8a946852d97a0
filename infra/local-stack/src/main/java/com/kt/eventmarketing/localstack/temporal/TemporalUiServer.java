package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.process.ChildProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Temporal's Web UI server (the one the CLI embeds, v2.42.1) in front of a frontend, on 127.0.0.1. */
final class TemporalUiServer implements AutoCloseable {
    private final ChildProcess process;

    private TemporalUiServer(ChildProcess process) {
        this.process = process;
    }

    static TemporalUiServer start(Path binary, Path root, String frontendTarget, int port) {
        Ports.requireFree(port, "Temporal Web UI");
        String yaml = """
                temporalGrpcAddress: "%s"
                host: "%s"
                port: %d
                enableUi: true
                defaultNamespace: "%s"
                hideLogs: true
                cors:
                  allowOrigins: ["http://%s:%d"]
                """.formatted(frontendTarget, Ports.LOOPBACK, port, TemporalSettings.shared().namespace(), Ports.LOOPBACK, port);
        Path logFile = root.resolve("ui-server.log");
        try {
            Files.writeString(Files.createDirectories(root.resolve("ui-config")).resolve("kt.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess process = ChildProcess.startLoggingTo("temporal-ui", List.of(binary.toString(),
                "--root", root.toString(), "--config", "ui-config", "--env", "kt", "start"), logFile);
        try {
            Ports.awaitOpen(port, Duration.ofSeconds(30), "Temporal Web UI");
        } catch (RuntimeException e) {
            process.kill();
            throw new IllegalStateException(e.getMessage() + "; " + logFile + " ends with:\n" + ChildProcess.tail(logFile, 20), e);
        }
        return new TemporalUiServer(process);
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(5));
    }
}
