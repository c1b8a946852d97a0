package com.kt.eventmarketing.shared.outbox;

import com.kt.eventmarketing.shared.LogFields;
import com.kt.eventmarketing.shared.jdbc.SqlArrays;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
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

    /** A message written together with others ({@link #writeAll}); the trace id of the request it came from. */
    public record Pending(String topic, long eventId, Object data, String traceId) {
    }

    /** Several messages in one statement, for callers that commit many changes at once (the entries' group commit). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void writeAll(List<Pending> messages) {
        if (messages.isEmpty()) {
            return;
        }
        int n = messages.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        String[] traceIds = new String[n];
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            Pending m = messages.get(i);
            ids[i] = UUID.randomUUID();
            topics[i] = m.topic();
            keys[i] = Long.toString(m.eventId());
            payloads[i] = json.writeValueAsString(new OutboxMessage<>(ids[i], m.topic(), m.eventId(), now, m.data()));
            traceIds[i] = m.traceId();
        }
        SqlArrays.update(jdbc, """
                        insert into outbox (message_id, topic, message_key, payload, trace_id)
                        select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[])""",
                SqlArrays.column("uuid", ids), SqlArrays.column("varchar", topics), SqlArrays.column("varchar", keys),
                SqlArrays.column("text", payloads), SqlArrays.column("varchar", traceIds));
    }
}
