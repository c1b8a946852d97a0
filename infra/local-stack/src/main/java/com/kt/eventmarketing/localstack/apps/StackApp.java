package com.kt.eventmarketing.localstack.apps;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.process.ChildProcess;
import com.kt.eventmarketing.localstack.process.PortFile;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An application JVM of a stack from this repository, started from its exec jar with the servers' environment: the
 * launcher's, the benchmark harness's and the end-to-end tests'. It reports the ports it bound through its
 * {@link PortFile}, so a stack can ask for port 0 and never lose a port between picking and binding. Its output goes
 * to our stdout, prefixed with its name, or is appended to a log file. It can be killed with SIGKILL and launched
 * again with the same command, which is what the fault-injection scenarios do.
 */
public final class StackApp implements AutoCloseable {
    private final AppDefinition definition;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final PortFile portFile;
    private final Path logFile;
    private ChildProcess process;
    private long logOffset;
    private volatile PortFile.BoundPorts ports;

    /**
     * Not started yet: {@link #launch()} it.
     *
     * @param portDirectory where its port file goes (one per app name)
     * @param logFile       null: output to our stdout
     */
    public StackApp(AppDefinition app, List<String> jvmOptions, Map<String, String> environment, Path portDirectory, Path logFile) {
        this.definition = app;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.portFile = PortFile.in(portDirectory, app.name());
        Map<String, String> env = new HashMap<>(environment);
        env.put(PortFile.ENVIRONMENT_VARIABLE, portFile.file().toString());
        this.environment = Map.copyOf(env);
        this.logFile = logFile;
    }

    /** Launched, and waited for until it listens. */
    public static StackApp start(AppDefinition app, List<String> jvmOptions, Map<String, String> environment,
                                 Path portDirectory, Path logFile, Duration timeout) {
        return new StackApp(app, jvmOptions, environment, portDirectory, logFile).launch().awaitBound(timeout);
    }

    public AppDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    /** Starts it without waiting, so several can start at once; {@link #awaitBound} before using its ports. */
    public synchronized StackApp launch() {
        if (isAlive()) {
            return this;
        }
        ports = null;
        portFile.clear();
        List<String> command = definition.command(jvmOptions);
        if (logFile == null) {
            process = ChildProcess.start(name(), command, environment, definition.jar().toAbsolutePath().getParent());
        } else {
            logOffset = logFile.toFile().length();
            process = ChildProcess.startLoggingTo(name(), command, environment, logFile);
        }
        return this;
    }

    /** Waits for its ports; a start that died says why (a bind error is what {@link Ports#startOnFreePort} retries on). */
    public StackApp awaitBound(Duration timeout) {
        if (ports != null) {
            return this;
        }
        try {
            ports = portFile.await(name(), definition.separateManagement(), this::isAlive, timeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + bindError().map(line -> ": " + line).orElse("")
                    + (logFile == null ? "" : " (see " + logFile + ")"), e);
        }
        return this;
    }

    /** The port it listens on now (an app launched again on port 0 gets a new one). */
    public int port() {
        return bound().http();
    }

    public String url() {
        return Ports.loopbackUrl(port());
    }

    public String managementUrl() {
        return Ports.loopbackUrl(bound().management());
    }

    private PortFile.BoundPorts bound() {
        PortFile.BoundPorts current = ports;
        if (current == null) {
            throw new IllegalStateException(name() + " has not reported its port yet");
        }
        return current;
    }

    /** {@code UP}, {@code DOWN (503)}, {@code not answering}, {@code EXITED (code n)}: for a status table. */
    public String health() {
        if (!isAlive()) {
            return process == null ? "not started" : "EXITED (code " + process.exitValue() + ")";
        }
        try {
            return HealthProbe.status(awaitBound(Duration.ZERO).managementUrl());
        } catch (IllegalStateException notListeningYet) {
            return "not answering";
        }
    }

    /** Waits for health UP; a failure names what it printed last. */
    public StackApp awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = health();
        while (!status.equals("UP")) {
            if (status.startsWith("EXITED") || System.nanoTime() > deadline) {
                throw new IllegalStateException(name() + " is " + status + " after " + timeout + "; its last output:\n"
                        + (logFile == null ? process.recentOutput() : ChildProcess.tail(logFile, 30)));
            }
            Ports.sleep(Duration.ofMillis(250));
            status = health();
        }
        return this;
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful worker stop, nothing flushed. */
    public synchronized void kill9() {
        if (isAlive()) {
            process.kill();
        }
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    public synchronized void stop(Duration grace) {
        if (process != null) {
            process.stop(grace);
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    private Optional<String> bindError() {
        if (logFile == null) {
            return process == null ? Optional.empty() : process.recentOutput().lines()
                    .filter(line -> line.contains("already in use")).findFirst().map(String::strip);
        }
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            file.seek(Math.min(logOffset, file.length()));
            for (String line = file.readLine(); line != null; line = file.readLine()) {
                if (line.contains("already in use")) {
                    return Optional.of(line.strip());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
