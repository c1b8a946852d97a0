package com.kt.eventmarketing.testsupport;

import com.kt.eventmarketing.localstack.QuietServerLogs;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;

import java.time.Duration;

/**
 * Real PostgreSQL, Redis, Kafka and Temporal servers for tests, started once per JVM on random ports and
 * stopped by a shutdown hook. Starting publishes the connection settings as system properties, which Spring
 * Boot reads like any other property source, so a test's application context connects to them unchanged.
 * <p>
 * The servers are the embedded ones unless {@code -Dkt.test.servers=containers} (the {@code -Pcontainers}
 * Maven profile) asks for the production images through Testcontainers; see {@link ServerProvider}.
 * Use {@link WithRealServers} on a test class, or call {@link #start()} directly.
 */
public final class RealServers {
    private static volatile ServerSet running;

    private RealServers() {
    }

    /** Starts the servers unless they already run in this JVM; safe to call from any thread, any number of times. */
    public static void start() {
        if (running == null) {
            synchronized (RealServers.class) {
                if (running == null) {
                    QuietServerLogs.apply();
                    ServerSet started = ServerProvider.configured().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        awaitSpringShutdownHooks(Duration.ofSeconds(20));
                        started.close();
                    }, "real-servers-stop"));
                    publishSystemProperties(started);
                    running = started;
                }
            }
        }
    }

    public static String jdbcUrl() {
        return servers().jdbcUrl();
    }

    public static String dbUser() {
        return PostgresServer.USER;
    }

    public static String dbPassword() {
        return PostgresServer.PASSWORD;
    }

    public static int redisPort() {
        return servers().redisPort();
    }

    public static String redisUrl() {
        return servers().redisUrl();
    }

    public static String kafkaBootstrap() {
        return servers().kafkaBootstrap();
    }

    /** Fault injection: the broker goes away; {@link #startKafka()} brings it back with every record. */
    public static void stopKafka() {
        servers().stopKafka();
    }

    /** Restarts the broker on the same port (offsets and records survive). */
    public static void startKafka() {
        servers().startKafka();
    }

    public static String temporalTarget() {
        return servers().temporalTarget();
    }

    /** Fault injection: Redis goes away (same port stays reserved for {@link #startRedis()}). */
    public static void stopRedis() {
        servers().stopRedis();
    }

    /** Brings Redis back on the same port, empty (test Redis keeps no data across restarts). */
    public static void startRedis() {
        servers().startRedis();
    }

    private static ServerSet servers() {
        ServerSet current = running;
        if (current == null) {
            throw new IllegalStateException("RealServers not started: annotate the test with @WithRealServers or call RealServers.start()");
        }
        return current;
    }

    /**
     * JVM shutdown hooks run concurrently. Spring's context cache closes the test contexts in its own hook; if the
     * broker went first, their Kafka clients would retry a dead broker until surefire killed the fork (30 s later).
     */
    private static void awaitSpringShutdownHooks(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Thread.sleep(200); // the JVM starts all hooks in a loop: let the others be running before looking
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith("SpringContextShutdownHook") || name.startsWith("SpringApplicationShutdownHook")) {
                try {
                    thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void publishSystemProperties(ServerSet servers) {
        System.setProperty("spring.datasource.url", servers.jdbcUrl());
        System.setProperty("spring.datasource.username", PostgresServer.USER);
        System.setProperty("spring.datasource.password", PostgresServer.PASSWORD);
        System.setProperty("kt.redis.url", servers.redisUrl());
        System.setProperty("spring.kafka.bootstrap-servers", servers.kafkaBootstrap());
        System.setProperty("spring.temporal.connection.target", servers.temporalTarget());
    }
}
