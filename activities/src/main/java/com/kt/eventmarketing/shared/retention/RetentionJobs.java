package com.kt.eventmarketing.shared.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deletes bookkeeping rows past their age ({@link RetentionProperties}) in bounded batches, hourly: published outbox
 * rows, processed message ids and entry idempotency keys only grew before. Several processes may run it at once;
 * deletes of the same old rows are harmless. {@value #DELETED_METRIC} counts rows by {@code table}.
 */
@Component
@ConditionalOnProperty(name = "kt.retention.enabled", havingValue = "true", matchIfMissing = true)
public class RetentionJobs {
    public static final String DELETED_METRIC = "kt.retention.deleted";
    private static final Logger log = LoggerFactory.getLogger(RetentionJobs.class);

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;
    private final MeterRegistry meters;

    public RetentionJobs(JdbcTemplate jdbc, RetentionProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.meters = meters;
    }

    @Scheduled(initialDelayString = "${kt.retention.initial-delay-millis:60000}",
            fixedDelayString = "${kt.retention.interval-millis:3600000}")
    public void scheduled() {
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            log.warn("retention run failed, will retry at the next interval: {}", e.toString());
        }
    }

    /** One run as of {@code now}; returns the rows deleted per table. */
    public Map<String, Integer> run(Instant now) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put("outbox", deleteOlder("outbox", "id", "published_at", now.minus(properties.publishedOutbox())));
        deleted.put("processed_messages", deleteOlder("processed_messages", "message_id", "processed_at",
                now.minus(properties.processedMessages())));
        deleted.put("participation_idempotency", deleteOlder("participation_idempotency", "ctid", "created_at",
                now.minus(properties.participationIdempotency())));
        if (deleted.values().stream().anyMatch(n -> n > 0)) {
            log.info("retention: deleted {}", deleted);
        }
        return deleted;
    }

    private int deleteOlder(String table, String key, String timeColumn, Instant cutoff) {
        int total = 0;
        int batch;
        do {
            // table and column names are constants above, never input
            batch = jdbc.update("delete from " + table + " where " + key + " in (select " + key + " from " + table
                    + " where " + timeColumn + " < ? limit ?)", Timestamp.from(cutoff), properties.batchSize());
            total += batch;
        } while (batch == properties.batchSize());
        Counter.builder(DELETED_METRIC).description("bookkeeping rows deleted by age").tag("table", table)
                .register(meters).increment(total);
        return total;
    }
}
