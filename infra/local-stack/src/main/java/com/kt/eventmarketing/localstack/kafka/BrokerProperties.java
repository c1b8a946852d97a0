package com.kt.eventmarketing.localstack.kafka;

import com.kt.eventmarketing.localstack.Ports;

import java.nio.file.Path;
import java.util.Properties;

/** The server.properties of a one-node KRaft cluster bound to 127.0.0.1. */
final class BrokerProperties {
    static final int NODE_ID = 1;

    private BrokerProperties() {
    }

    static Properties singleNode(int port, int controllerPort, Path logDirectory) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.bootstrap.servers", Ports.LOOPBACK + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDirectory.toAbsolutePath().toString());
        // one node: internal topics cannot have more replicas than brokers
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("num.partitions", String.valueOf(KafkaTopics.PARTITIONS));
        p.setProperty("auto.create.topics.enable", "false");
        // consumers of a fresh group should not wait the default 3 s for more members
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }
}
