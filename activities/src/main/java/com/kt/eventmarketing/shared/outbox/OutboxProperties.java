package com.kt.eventmarketing.shared.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relay polls often because analytics freshness (entry → dashboard) is bounded by this interval.
 * Several relays may run at once (gateway and workers); rows are claimed with SKIP LOCKED. {@code maxAttempts}: how
 * often a record Kafka refuses for good (too large, invalid topic) is tried before it is parked as a dead letter.
 */
@ConfigurationProperties("kt.outbox")
public record OutboxProperties(Boolean relayEnabled, Long pollIntervalMillis, Integer batchSize, Integer maxAttempts) {
    public OutboxProperties {
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        relayEnabled = relayEnabled == null || relayEnabled;
        pollIntervalMillis = pollIntervalMillis == null ? 200L : pollIntervalMillis;
        batchSize = batchSize == null ? 500 : batchSize;
    }
}
