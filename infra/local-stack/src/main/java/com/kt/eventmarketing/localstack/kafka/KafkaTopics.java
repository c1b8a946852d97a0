package com.kt.eventmarketing.localstack.kafka;

import java.util.List;

/**
 * Topics the local broker creates. The names mirror {@code com.kt.eventmarketing.shared.Topics} in module
 * {@code activities}, which local-stack cannot depend on (the servers must start without the application).
 * Change both together.
 */
public final class KafkaTopics {
    public static final List<String> ALL = List.of("event.created", "participant.registered", "distribution.completed");
    public static final int PARTITIONS = 3;

    private KafkaTopics() {
    }
}
