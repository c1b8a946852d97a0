package com.kt.eventmarketing.shared.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What has not reached Kafka yet, as gauges for the alerts: {@value #BACKLOG} unpublished rows, {@value #OLDEST_AGE}
 * seconds since the oldest of them was written, {@value #DEAD_LETTERS} rows parked for an operator. Read every
 * 15 s by a query on the partial indexes rather than on every scrape.
 */
@Component
@ConditionalOnProperty(name = "kt.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
public class OutboxBacklog {
    public static final String BACKLOG = "kt.outbox.backlog";
    public static final String OLDEST_AGE = "kt.outbox.oldest.age";
    public static final String DEAD_LETTERS = "kt.outbox.dead.letters";
    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final JdbcTemplate jdbc;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    public OutboxBacklog(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder(BACKLOG, backlog, AtomicLong::get).description("outbox rows not yet published to Kafka")
                .register(meters);
        Gauge.builder(OLDEST_AGE, oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("age of the oldest unpublished outbox row").register(meters);
        Gauge.builder(DEAD_LETTERS, deadLetters, AtomicLong::get)
                .description("outbox rows parked in outbox_dead_letters").register(meters);
    }

    @Scheduled(fixedDelayString = "${kt.outbox.backlog-interval-millis:15000}")
    public void refresh() {
        try {
            jdbc.query("""
                    select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)::bigint,
                           (select count(*) from outbox_dead_letters)
                    from outbox where published_at is null""", rs -> {
                backlog.set(rs.getLong(1));
                oldestAgeSeconds.set(rs.getLong(2));
                deadLetters.set(rs.getLong(3));
            });
        } catch (RuntimeException e) {
            log.warn("outbox backlog not read, keeping the last values: {}", e.toString());
        }
    }
}
