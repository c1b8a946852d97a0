package com.kt.eventmarketing.shared.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long bookkeeping rows are kept ({@code kt.retention.*}).
 *
 * @param publishedOutbox          outbox rows after they reached Kafka (default 7 days: long enough to look one up)
 * @param processedMessages        message ids the consumers have applied (default 30 days; must stay longer than
 *                                 the Kafka topics' retention, or a very late redelivery would be counted twice)
 * @param participationIdempotency Idempotency-Keys of entries (default 30 days; a later replay of the same key is
 *                                 still refused as a duplicate phone, with 409 instead of the stored answer)
 * @param batchSize                rows per delete statement, so one run never holds long locks
 */
@ConfigurationProperties("kt.retention")
public record RetentionProperties(Boolean enabled, Duration publishedOutbox, Duration processedMessages,
                                  Duration participationIdempotency, Integer batchSize) {
    public RetentionProperties {
        enabled = enabled == null || enabled;
        publishedOutbox = publishedOutbox == null ? Duration.ofDays(7) : publishedOutbox;
        processedMessages = processedMessages == null ? Duration.ofDays(30) : processedMessages;
        participationIdempotency = participationIdempotency == null ? Duration.ofDays(30) : participationIdempotency;
        batchSize = batchSize == null ? 10_000 : batchSize;
    }
}
