package com.kt.eventmarketing.shared.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * What every Kafka message carries: a unique id (consumers de-duplicate on it), the event it belongs to
 * (also the message key), when it happened and the topic-specific data.
 */
public record OutboxMessage<T>(UUID messageId, String topic, long eventId, Instant occurredAt, T data) {
}
