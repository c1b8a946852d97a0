package com.kt.eventmarketing.testsupport;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.QuietServerLogs;
import com.kt.eventmarketing.localstack.StartupTimer;
import com.kt.eventmarketing.localstack.kafka.KafkaBroker;
import com.kt.eventmarketing.localstack.kafka.KafkaTopics;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import com.kt.eventmarketing.localstack.redis.RedisServerProcess;
import com.kt.eventmarketing.localstack.temporal.TemporalServer;
import com.kt.eventmarketing.localstack.temporal.TemporalServers;

import java.util.Optional;

/**
 * Real PostgreSQL, Redis, Kafka and Temporal servers for tests, started once per JVM on random ports and
 * stopped by a shutdown hook. Starting publishes the connection settings as system properties, which Spring
 * Boot reads like any other property source, so a test's application context connects to them unchanged.
 * <p>
 * Use {@link WithRealServers} on a test class, or call {@link #start()} directly.
 */
public final class RealServers {
    private static volatile Running running;

    private RealServers() {
    }

    /** Starts the servers unless they already run in this JVM; safe to call from any thread, any number of times. */
    public static void start() {
        if (running == null) {
            synchronized (RealServers.class) {
                if (running == null) {
                    QuietServerLogs.apply();
                    Running started = Running.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "real-servers-stop"));
                    started.publishSystemProperties();
                    running = started;
                }
            }
        }
    }

    public static String jdbcUrl() {
        return servers().postgres.jdbcUrl();
    }

    public static String dbUser() {
        return PostgresServer.USER;
    }

    public static String dbPassword() {
        return PostgresServer.PASSWORD;
    }

    public static int redisPort() {
        return servers().redis.port();
    }

    public static String redisUrl() {
        return servers().redis.url();
    }

    public static String kafkaBootstrap() {
        return servers().kafka.bootstrapServers();
    }

    /** Fault injection: the broker goes away; {@link #startKafka()} brings it back with every record. */
    public static synchronized void stopKafka() {
        servers().kafka.close();
    }

    /** Restarts the broker on the same ports and log directory (offsets and records survive). */
    public static synchronized void startKafka() {
        Running current = servers();
        running = new Running(current.postgres, current.redis, current.kafka.restart(), current.temporal);
    }

    public static String temporalTarget() {
        return servers().temporal.target();
    }

    /** Fault injection: Redis goes away (same port stays reserved for {@link #startRedis()}). */
    public static void stopRedis() {
        servers().redis.stop();
    }

    /** Brings Redis back on the same port, empty (test Redis keeps no data across restarts). */
    public static void startRedis() {
        servers().redis.start();
    }

    private static Running servers() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("RealServers not started: annotate the test with @WithRealServers or call RealServers.start()");
        }
        return current;
    }

    private record Running(PostgresServer postgres, RedisServerProcess redis, KafkaBroker kafka, TemporalServer temporal) {

        static Running start() {
            PostgresServer postgres = StartupTimer.time("PostgreSQL", PostgresServer::ephemeral);
            RedisServerProcess redis = StartupTimer.time("Redis", RedisServerProcess::ephemeral);
            KafkaBroker kafka = StartupTimer.time("Kafka", () -> KafkaBroker.ephemeral(KafkaTopics.ALL));
            TemporalServer temporal = StartupTimer.time("Temporal",
                    () -> TemporalServers.start(Ports.freePort(), Optional.empty(), Optional.empty()));
            return new Running(postgres, redis, kafka, temporal);
        }

        void publishSystemProperties() {
            System.setProperty("spring.datasource.url", postgres.jdbcUrl());
            System.setProperty("spring.datasource.username", PostgresServer.USER);
            System.setProperty("spring.datasource.password", PostgresServer.PASSWORD);
            System.setProperty("kt.redis.url", redis.url());
            System.setProperty("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
            System.setProperty("spring.temporal.connection.target", temporal.target());
        }

        /** Reverse start order, and one failure does not leave the others running. */
        void close() {
            closeQuietly(temporal);
            closeQuietly(kafka);
            closeQuietly(redis);
            closeQuietly(postgres);
        }

        private static void closeQuietly(AutoCloseable server) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("RealServers: could not stop " + server + ": " + e);
            }
        }
    }
}
