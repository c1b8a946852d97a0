package com.kt.eventmarketing.localstack.kafka;

import com.kt.eventmarketing.localstack.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running inside this JVM, with its log
 * directory on disk. Topics are created up front because the broker disables auto-creation, exactly like
 * a production cluster should.
 */
public final class KafkaBroker implements AutoCloseable {
    private final int port;
    private final int controllerPort;
    private final Path logDirectory;
    private final List<String> topics;
    private final KafkaRaftServer server;

    private KafkaBroker(int port, int controllerPort, Path logDirectory, List<String> topics, KafkaRaftServer server) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDirectory = logDirectory;
        this.topics = topics;
        this.server = server;
    }

    /** For the launcher: fixed ports; the log directory (and so every record) survives restarts. */
    public static KafkaBroker persistent(int port, int controllerPort, Path logDirectory, List<String> topics) {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "Kafka controller");
        return start(port, controllerPort, logDirectory, topics);
    }

    /** For tests: random ports and a fresh temp log directory. */
    public static KafkaBroker ephemeral(List<String> topics) {
        try {
            Path logDirectory = Files.createTempDirectory("kt-kafka-");
            return Ports.startOnFreePort("Kafka", port -> start(port, Ports.freePort(), logDirectory, topics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KafkaBroker start(int port, int controllerPort, Path logDirectory, List<String> topics) {
        Properties properties = BrokerProperties.singleNode(port, controllerPort, logDirectory);
        KafkaStorage.formatIfNeeded(properties, logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(port, controllerPort, logDirectory, topics, server);
        try {
            TopicCreator.createMissing(broker.bootstrapServers(), topics, KafkaTopics.PARTITIONS);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** Fault injection: a new broker on the same ports and log directory, after this one was closed. */
    public KafkaBroker restart() {
        return start(port, controllerPort, logDirectory, topics);
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
