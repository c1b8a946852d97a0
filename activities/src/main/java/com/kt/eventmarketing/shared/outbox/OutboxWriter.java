package com.kt.eventmarketing.shared.outbox;

import com.kt.eventmarketing.shared.LogFields;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/** Writes a Kafka message into the outbox table inside the caller's transaction; the relay sends it later. */
@Component
public class OutboxWriter {
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public OutboxWriter(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public UUID write(String topic, long eventId, Object data) {
        return write(UUID.randomUUID(), topic, eventId, data);
    }

    /** With a caller-chosen id, so that a retried activity writes the same message at most once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID write(UUID messageId, String topic, long eventId, Object data) {
        var message = new OutboxMessage<>(messageId, topic, eventId, Instant.now(), data);
        jdbc.update("insert into outbox (message_id, topic, message_key, payload, trace_id) values (?, ?, ?, ?, ?)"
                        + " on conflict (message_id) do nothing",
                messageId, topic, Long.toString(eventId), json.writeValueAsString(message), MDC.get(LogFields.TRACE_ID));
        return messageId;
    }
}
