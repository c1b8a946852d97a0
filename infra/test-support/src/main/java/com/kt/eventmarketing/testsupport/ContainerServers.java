package com.kt.eventmarketing.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.StartupTimer;
import com.kt.eventmarketing.localstack.kafka.KafkaTopics;
import com.kt.eventmarketing.localstack.kafka.TopicCreator;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import com.kt.eventmarketing.localstack.redis.RedisServerProcess;
import com.kt.eventmarketing.localstack.temporal.SearchAttributes;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The production images through Testcontainers ({@code -Pcontainers}): the same images and settings as
 * {@code infra/deploy/compose/compose.yaml} — PostgreSQL 16, Redis 7.4, Kafka 4.1 (KRaft) and Temporal
 * (auto-setup) persisting to its own PostgreSQL.
 * <p>
 * Every published port is bound to 127.0.0.1 on a port chosen here rather than by Docker, because the fault
 * injection stops and starts containers and Docker would otherwise publish a restarted one on a new port.
 */
final class ContainerServers implements ServerSet {
    static final DockerImageName POSTGRES = DockerImageName.parse("postgres:16");
    static final DockerImageName REDIS = DockerImageName.parse("redis:7.4");
    static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:4.1.0");
    static final DockerImageName TEMPORAL = DockerImageName.parse("temporalio/auto-setup:1.29.1");

    private static final int REDIS_PORT = 6379;
    private static final int KAFKA_PORT = 9092;
    private static final int TEMPORAL_PORT = 7233;
    private static final String TEMPORAL_DB_ALIAS = "temporal-db";
    private static final Duration TEMPORAL_READY = Duration.ofMinutes(3);

    private final Network network;
    private final PostgreSQLContainer postgres;
    private final GenericContainer<?> redis;
    private final KafkaContainer kafka;
    private final PostgreSQLContainer temporalDb;
    private final GenericContainer<?> temporal;

    private ContainerServers(Network network) {
        this.network = network;
        this.postgres = bindLoopback(new PostgreSQLContainer(POSTGRES)
                .withDatabaseName(PostgresServer.DATABASE)
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD), PostgreSQLContainer.POSTGRESQL_PORT);
        // no snapshots, no append-only file: like the embedded server, a restarted Redis comes back empty
        this.redis = bindLoopback(new GenericContainer<>(REDIS)
                .withCommand("redis-server", "--save", "", "--appendonly", "no")
                .withExposedPorts(REDIS_PORT)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1)), REDIS_PORT);
        this.kafka = bindLoopback(new KafkaContainer(KAFKA), KAFKA_PORT);
        this.temporalDb = new PostgreSQLContainer(POSTGRES)
                .withNetwork(network)
                .withNetworkAliases(TEMPORAL_DB_ALIAS)
                .withUsername("temporal")
                .withPassword("temporal");
        this.temporal = bindLoopback(new GenericContainer<>(TEMPORAL)
                .withNetwork(network)
                .dependsOn(temporalDb)
                .withEnv("DB", "postgres12")
                .withEnv("DB_PORT", "5432")
                .withEnv("POSTGRES_USER", "temporal")
                .withEnv("POSTGRES_PWD", "temporal")
                .withEnv("POSTGRES_SEEDS", TEMPORAL_DB_ALIAS)
                .withEnv("DEFAULT_NAMESPACE", "default")
                .withExposedPorts(TEMPORAL_PORT)
                .waitingFor(Wait.forListeningPort().withStartupTimeout(TEMPORAL_READY)), TEMPORAL_PORT);
    }

    static ContainerServers start() {
        requireDocker(() -> DockerClientFactory.instance().isDockerAvailable());
        ContainerServers servers = new ContainerServers(Network.newNetwork());
        try {
            StartupTimer.time("PostgreSQL container", () -> start(servers.postgres));
            StartupTimer.time("Redis container", () -> start(servers.redis));
            StartupTimer.time("Kafka container", () -> {
                start(servers.kafka);
                TopicCreator.createMissing(servers.kafkaBootstrap(), KafkaTopics.ALL, KafkaTopics.PARTITIONS);
                return servers.kafka;
            });
            StartupTimer.time("Temporal container", () -> {
                start(servers.temporal);
                awaitDefaultNamespace(servers.temporalTarget());
                SearchAttributes.register(servers.temporalTarget());
                return servers.temporal;
            });
            return servers;
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    /** Fails with the reason instead of letting Testcontainers' own lookup error surface from deep inside a test. */
    static void requireDocker(BooleanSupplier dockerAvailable) {
        if (!dockerAvailable.getAsBoolean()) {
            throw new IllegalStateException("Docker not available: " + ServerProvider.PROPERTY
                    + "=containers (-Pcontainers) needs a running Docker engine for Testcontainers;"
                    + " run without it to use the embedded servers");
        }
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    @Override
    public String redisUrl() {
        return "redis://" + Ports.LOOPBACK + ":" + redisPort();
    }

    @Override
    public int redisPort() {
        return redis.getMappedPort(REDIS_PORT);
    }

    @Override
    public String kafkaBootstrap() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String temporalTarget() {
        return Ports.LOOPBACK + ":" + temporal.getMappedPort(TEMPORAL_PORT);
    }

    @Override
    public synchronized void stopKafka() {
        docker().stopContainerCmd(kafka.getContainerId()).withTimeout(10).exec();
    }

    /** The container keeps its log directory and start script, so records and the advertised port survive. */
    @Override
    public synchronized void startKafka() {
        docker().startContainerCmd(kafka.getContainerId()).exec();
        TopicCreator.createMissing(kafkaBootstrap(), KafkaTopics.ALL, KafkaTopics.PARTITIONS);
    }

    @Override
    public synchronized void stopRedis() {
        docker().stopContainerCmd(redis.getContainerId()).withTimeout(5).exec();
    }

    @Override
    public synchronized void startRedis() {
        docker().startContainerCmd(redis.getContainerId()).exec();
        awaitRedis(redisPort(), Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        ServerSet.closeQuietly(temporal::stop);
        ServerSet.closeQuietly(temporalDb::stop);
        ServerSet.closeQuietly(kafka::stop);
        ServerSet.closeQuietly(redis::stop);
        ServerSet.closeQuietly(postgres::stop);
        ServerSet.closeQuietly(network::close);
    }

    private static <C extends GenericContainer<?>> C bindLoopback(C container, int containerPort) {
        container.setPortBindings(List.of(Ports.LOOPBACK + ":" + Ports.freePort() + ":" + containerPort));
        return container;
    }

    private static <C extends GenericContainer<?>> C start(C container) {
        container.start();
        return container;
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    /** auto-setup opens the port before it has created the schema and the default namespace. */
    private static void awaitDefaultNamespace(String target) {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        long deadline = System.nanoTime() + TEMPORAL_READY.toNanos();
        try {
            while (true) {
                try {
                    service.blockingStub().describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
                    return;
                } catch (RuntimeException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Temporal container at " + target
                                + " did not serve namespace 'default' within " + TEMPORAL_READY, notYet);
                    }
                    sleep(Duration.ofSeconds(1));
                }
            }
        } finally {
            service.shutdownNow();
        }
    }

    /** Docker's proxy accepts connections before redis-server listens, so only a PONG means ready. */
    private static void awaitRedis(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!RedisServerProcess.answersPing(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Redis container on port " + port + " did not answer PING within " + timeout);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a container", e);
        }
    }
}
