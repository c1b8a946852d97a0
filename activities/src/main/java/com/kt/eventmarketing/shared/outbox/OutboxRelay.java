package com.kt.eventmarketing.shared.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends outbox rows to Kafka in id order and marks them published in the same database transaction that
 * claimed them. A crash between send and commit re-sends: delivery is at least once, and consumers
 * de-duplicate on the message id.
 */
@Component
@ConditionalOnProperty(name = "kt.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
public class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Kafka header with the trace id of the request that wrote the message, when there was one. */
    public static final String TRACE_ID_HEADER = "trace-id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Counter published;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
                       OutboxProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("kt.outbox.published").description("outbox messages sent to Kafka").register(meters);
    }

    @Scheduled(fixedDelayString = "${kt.outbox.poll-interval-millis:200}")
    public void relay() {
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("outbox relay failed, will retry: {}", e.toString());
        }
    }

    /** @return how many messages this batch sent */
    public int relayBatch() {
        Integer sent = tx.execute(status -> {
            List<Row> rows = jdbc.query(
                    "select id, message_id, topic, message_key, payload, trace_id from outbox where published_at is null"
                            + " order by id limit ? for update skip locked",
                    (rs, i) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)),
                    properties.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                var record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
                record.headers().add("message-id", row.messageId().toString().getBytes(StandardCharsets.UTF_8));
                if (row.traceId() != null) {
                    record.headers().add(TRACE_ID_HEADER, row.traceId().getBytes(StandardCharsets.UTF_8));
                }
                acks.add(kafka.send(record));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
            }
            jdbc.batchUpdate("update outbox set published_at = now() where id = ?",
                    rows.stream().map(r -> new Object[]{r.id()}).toList());
            return rows.size();
        });
        published.increment(sent == null ? 0 : sent);
        return sent == null ? 0 : sent;
    }

    private record Row(long id, UUID messageId, String topic, String key, String payload, String traceId) {
    }
}
