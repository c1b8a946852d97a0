package com.kt.eventmarketing.shared.outbox;

import com.kt.eventmarketing.shared.jdbc.SqlArrays;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends outbox rows to Kafka in id order and marks them published in the same database transaction that
 * claimed them. A crash between send and commit re-sends: delivery is at least once, and consumers
 * de-duplicate on the message id. Each row is acknowledged on its own: a record Kafka refuses for good is retried
 * up to {@code kt.outbox.max-attempts} times and then parked in {@code outbox_dead_letters}, while the rows behind
 * it are published.
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
    private final Counter deadLettered;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
                       OutboxProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.published = Counter.builder("kt.outbox.published").description("outbox messages sent to Kafka").register(meters);
        this.deadLettered = Counter.builder("kt.outbox.dead.lettered")
                .description("outbox messages Kafka refused for good, parked in outbox_dead_letters").register(meters);
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
                    "select id, message_id, topic, message_key, payload, trace_id, attempts from outbox"
                            + " where published_at is null order by id limit ? for update skip locked",
                    (rs, i) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7)),
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
                try {
                    acks.add(kafka.send(record));
                } catch (RuntimeException e) {
                    // some refusals (a record over max.request.size) are thrown by send itself, not by its future
                    acks.add(CompletableFuture.failedFuture(e));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<Long> acknowledged = new ArrayList<>(rows.size());
            Throwable unavailable = null;
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged.add(row.id());
                } catch (ExecutionException e) {
                    if (refusedForGood(e.getCause())) {
                        refused(row, e.getCause());
                    } else {
                        unavailable = e.getCause();
                    }
                } catch (TimeoutException e) {
                    unavailable = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    unavailable = e;
                    break;
                }
            }
            if (!acknowledged.isEmpty()) {
                // one statement for the batch: a JDBC batch would still execute an update per row
                SqlArrays.update(jdbc, "update outbox set published_at = now() where id = any(?::bigint[])",
                        SqlArrays.column("bigint", acknowledged.toArray()));
            }
            if (acknowledged.isEmpty() && unavailable != null) {
                throw new IllegalStateException("Kafka did not acknowledge the outbox batch", unavailable);
            }
            return acknowledged.size();
        });
        published.increment(sent == null ? 0 : sent);
        return sent == null ? 0 : sent;
    }

    /**
     * Errors that are about the record itself: sending it again can never work. Everything else (broker down,
     * leader moving, timeouts) leaves the row for the next round without counting an attempt, so an outage parks
     * nothing.
     */
    static boolean refusedForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof InvalidTopicException
                    || t instanceof SerializationException || t instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }

    /** One more failed attempt; past the limit the row moves to the dead letters and stops blocking the rest. */
    private void refused(Row row, Throwable failure) {
        String error = abbreviate(rootMessage(failure));
        if (row.attempts() + 1 < properties.maxAttempts()) {
            jdbc.update("update outbox set attempts = attempts + 1, last_error = ? where id = ?", error, row.id());
            log.warn("outbox message {} ({}) refused by Kafka, attempt {} of {}: {}", row.messageId(), row.topic(),
                    row.attempts() + 1, properties.maxAttempts(), error);
            return;
        }
        jdbc.update("""
                insert into outbox_dead_letters (id, message_id, topic, message_key, payload, trace_id, attempts,
                                                 last_error, created_at)
                select id, message_id, topic, message_key, payload, trace_id, attempts + 1, ?, created_at
                from outbox where id = ?""", error, row.id());
        jdbc.update("delete from outbox where id = ?", row.id());
        deadLettered.increment();
        log.error("outbox message {} ({}) parked in outbox_dead_letters after {} refused attempts: {}", row.messageId(),
                row.topic(), row.attempts() + 1, error);
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private record Row(long id, UUID messageId, String topic, String key, String payload, String traceId, int attempts) {
    }
}
