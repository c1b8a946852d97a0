package com.kt.eventmarketing.testsupport;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.StartupTimer;
import com.kt.eventmarketing.localstack.kafka.KafkaBroker;
import com.kt.eventmarketing.localstack.kafka.KafkaTopics;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import com.kt.eventmarketing.localstack.redis.RedisServerProcess;
import com.kt.eventmarketing.localstack.temporal.TemporalMode;
import com.kt.eventmarketing.localstack.temporal.TemporalServer;
import com.kt.eventmarketing.localstack.temporal.TemporalServers;

import java.util.Optional;

/**
 * Embedded PostgreSQL, a redis-server process, a KRaft broker and Temporal (the CLI dev server, or with
 * {@code -Dkt.test.temporal=server|cluster} the Temporal server on the same PostgreSQL), on random ports.
 */
final class EmbeddedServers implements ServerSet {
    private final PostgresServer postgres;
    private final RedisServerProcess redis;
    private final TemporalServer temporal;
    private volatile KafkaBroker kafka;

    private EmbeddedServers(PostgresServer postgres, RedisServerProcess redis, KafkaBroker kafka, TemporalServer temporal) {
        this.postgres = postgres;
        this.redis = redis;
        this.kafka = kafka;
        this.temporal = temporal;
    }

    static EmbeddedServers start() {
        PostgresServer postgres = StartupTimer.time("PostgreSQL", PostgresServer::ephemeral);
        RedisServerProcess redis = StartupTimer.time("Redis", RedisServerProcess::ephemeral);
        KafkaBroker kafka = StartupTimer.time("Kafka", () -> KafkaBroker.ephemeral(KafkaTopics.ALL));
        TemporalServer temporal = StartupTimer.time("Temporal",
                () -> Ports.startOnFreePort("Temporal", port -> TemporalServers.start(TemporalMode.configured(), port,
                        Optional.empty(), Optional.empty(), postgres)));
        return new EmbeddedServers(postgres, redis, kafka, temporal);
    }

    @Override
    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    @Override
    public String redisUrl() {
        return redis.url();
    }

    @Override
    public int redisPort() {
        return redis.port();
    }

    @Override
    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    @Override
    public String temporalTarget() {
        return temporal.target();
    }

    @Override
    public synchronized void stopKafka() {
        kafka.close();
    }

    /** Same ports and log directory, so offsets and records survive. */
    @Override
    public synchronized void startKafka() {
        kafka = kafka.restart();
    }

    @Override
    public void stopRedis() {
        redis.stop();
    }

    @Override
    public void startRedis() {
        redis.start();
    }

    @Override
    public void close() {
        ServerSet.closeQuietly(temporal);
        ServerSet.closeQuietly(kafka);
        ServerSet.closeQuietly(redis);
        ServerSet.closeQuietly(postgres);
    }
}
