package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.process.PortFile;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One application JVM (sandbox, api-gateway, a worker pool) started from its exec jar, its output appended to a
 * log file. Unlike the launcher's ChildProcess it can be killed with SIGKILL and started again with the same
 * command, which is what the fault-injection scenarios do. It binds the port it is given, or with {@link #ANY_PORT}
 * whatever the kernel hands out, and reports what it got in a {@link PortFile}; a separate management server (the
 * gateway's) always binds port 0.
 */
public final class AppProcess implements AutoCloseable {
    public static final int ANY_PORT = 0;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final PortFile portFile;
    private final boolean separateManagement;
    private Process process;
    private long logOffset;
    private volatile PortFile.BoundPorts ports;

    /** @param separateManagement whether its actuator has a management server of its own (the gateway's) */
    public AppProcess(String name, Path jar, List<String> jvmOptions, List<String> args, Map<String, String> environment, Path log,
                      int port, boolean separateManagement) {
        this(name, List.of("-jar", jar.toString()), jvmOptions, args, environment, log, port, separateManagement);
    }

    /** @param launch what follows the JVM options: {@code -jar <jar>}, or {@link #withLoaderPath} */
    public AppProcess(String name, List<String> launch, List<String> jvmOptions, List<String> args, Map<String, String> environment,
                      Path log, int port, boolean separateManagement) {
        this.name = name;
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(launch);
        cmd.addAll(args);
        cmd.add("--server.port=" + port);
        if (separateManagement) {
            cmd.add("--management.server.port=" + ANY_PORT);
        }
        this.command = List.copyOf(cmd);
        this.portFile = PortFile.in(log.toAbsolutePath().getParent(), name);
        Map<String, String> env = new HashMap<>(environment);
        env.put(PortFile.ENVIRONMENT_VARIABLE, portFile.file().toString());
        this.environment = Map.copyOf(env);
        this.log = log;
        this.separateManagement = separateManagement;
    }

    /**
     * An exec jar with {@code extra} appended to its class path. The jar's own launcher (JarLauncher) takes no
     * additions; Spring Boot's PropertiesLauncher, in every exec jar, reads {@code loader.path} and then starts the
     * manifest's Start-Class like JarLauncher does.
     */
    public static List<String> withLoaderPath(Path jar, Path extra) {
        return List.of("-Dloader.path=" + extra, "-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher");
    }

    public String name() {
        return name;
    }

    /** The port it listens on now (a worker restarted on {@link #ANY_PORT} gets a new one). */
    public int port() {
        return bound().http();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    private PortFile.BoundPorts bound() {
        PortFile.BoundPorts current = ports;
        if (current == null) {
            throw new IllegalStateException(name + " has not reported its port yet");
        }
        return current;
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts it and waits until it listens. */
    public AppProcess start() {
        return launch().awaitBound();
    }

    /** Starts it without waiting, so several can start at once; {@link #awaitBound()} before using its ports. */
    public synchronized AppProcess launch() {
        if (isAlive()) {
            return this;
        }
        ports = null;
        portFile.clear();
        logOffset = log.toFile().length();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        return this;
    }

    /** Waits for the port file; a start that died quotes the log's bind error, which {@link Ports#startOnFreePort} retries. */
    public AppProcess awaitBound() {
        if (ports != null) {
            return this;
        }
        try {
            ports = portFile.await(name, separateManagement, this::isAlive, BenchStack.APP_START_TIMEOUT);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + bindError().map(line -> ": " + line).orElse("") + " (see " + log + ")", e);
        }
        return this;
    }

    private Optional<String> bindError() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
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

    /** Waits until /actuator/health on the management port answers 200. */
    public AppProcess awaitHealthy(Duration timeout) {
        awaitBound();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited (see " + log + ")");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bound().management() + "/actuator/health")).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Bench.sleep(300);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + " (see " + log + ")");
    }

    /** kill -9: no shutdown hook, no graceful worker stop, nothing flushed. */
    public synchronized void kill9() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    public synchronized void stop(Duration grace) {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(grace)) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(10));
            }
        }
    }

    private boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
