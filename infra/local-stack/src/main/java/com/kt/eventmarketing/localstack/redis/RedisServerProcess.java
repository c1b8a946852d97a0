package com.kt.eventmarketing.localstack.redis;

import com.kt.eventmarketing.localstack.Ports;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real redis-server child process: the one on PATH if installed (a current Redis), otherwise the Redis 6.2
 * binary bundled in codemonstur's embedded-redis jar. It can be stopped and started again on the same port,
 * which the fault-injection tests use to simulate a Redis outage.
 */
public final class RedisServerProcess implements AutoCloseable {
    private final int port;
    private final RedisServer server;
    private final Path directory;
    private final boolean persistent;

    private RedisServerProcess(int port, Path directory, boolean appendOnly) {
        this.port = port;
        this.directory = directory;
        this.persistent = appendOnly;
        try {
            Files.createDirectories(directory);
            this.server = RedisServer.newRedisServer()
                    .executableProvider(executable())
                    .port(port)
                    .bind(Ports.LOOPBACK)
                    .setting("dir " + directory.toAbsolutePath())
                    .setting("appendonly " + (appendOnly ? "yes" : "no"))
                    // no RDB snapshots: persistence, when wanted, is the append-only file
                    .setting("save \"\"")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure redis-server in " + directory, e);
        }
    }

    /** For the launcher: fixed port, data kept in {@code directory} across runs through the append-only file. */
    public static RedisServerProcess persistent(int port, Path directory) {
        Ports.requireFree(port, "Redis");
        return new RedisServerProcess(port, directory, true).start();
    }

    /** For tests: random port, nothing written that matters. */
    public static RedisServerProcess ephemeral() {
        try {
            Path directory = Files.createTempDirectory("kt-redis-");
            return Ports.startOnFreePort("Redis", port -> new RedisServerProcess(port, directory, false).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExecutableProvider executable() {
        try {
            return ExecutableProvider.newExecutableInPath("redis-server");
        } catch (IOException notInstalled) {
            return ExecutableProvider.newJarResourceProvider();
        }
    }

    public synchronized RedisServerProcess start() {
        if (!server.isActive()) {
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("redis-server did not start on port " + port, e);
            }
            Ports.awaitOpen(port, Duration.ofSeconds(10), "redis-server");
        }
        return this;
    }

    public synchronized void stop() {
        if (server.isActive()) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException("redis-server on port " + port + " did not stop", e);
            }
        }
    }

    public int port() {
        return port;
    }

    Path directory() {
        return directory;
    }

    /**
     * Whether a Redis on 127.0.0.1:{@code port} answers PING; an open port is not enough where a proxy (Docker's)
     * accepts connections before the server listens.
     */
    public static boolean answersPing(int port) {
        try (RespClient redis = new RespClient(port, Duration.ofMillis(500))) {
            return "PONG".equals(redis.command("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Fault injection: every key gone, as after a failover to an empty replica. */
    public void flushAll() throws IOException {
        try (RespClient redis = new RespClient(port)) {
            String reply = redis.command("FLUSHALL");
            if (!"OK".equals(reply)) {
                throw new IOException("FLUSHALL answered " + reply);
            }
        }
    }

    public String url() {
        return "redis://" + Ports.LOOPBACK + ":" + port;
    }

    /** Stops the server; an ephemeral one also removes its temporary directory, so test runs leave nothing behind. */
    @Override
    public void close() {
        stop();
        if (!persistent) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                System.err.println("could not remove " + directory + ": " + e);
            }
        }
    }
}
