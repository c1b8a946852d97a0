package com.kt.eventmarketing.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code kt.analytics.*}.
 *
 * @param consumerEnabled   whether this process runs the analytics Kafka consumers (group {@link #groupId})
 * @param groupId           consumer group of the analytics consumers
 * @param concurrency       consumer threads (at most the partition count is useful)
 * @param maxPollRecords    largest batch handed to the listener
 * @param retryAttempts     redeliveries of a failing record before it goes to {@code <topic>.DLT}
 * @param retryInitial      first back-off, doubled up to {@link #retryMax}
 * @param retryMax          longest back-off
 * @param dltPartitions     partitions of the dead-letter topics (the recoverer keeps the source partition)
 * @param statsInterval     how often channel statistics are pulled for every ACTIVE event
 * @param statsScheduleEnabled whether the worker polling {@code analytics} creates the Temporal Schedule
 * @param dashboardTtl      Redis cache of the owner dashboard
 * @param liveTtl           Redis live counters (rebuilt from PostgreSQL when missing)
 * @param streamPoll        how often the SSE stream compares projection versions
 * @param streamTimeout     how long one SSE connection stays open before the client reconnects
 * @param fetchMinBytes     a consumer's fetch waits for this much data ...
 * @param fetchMaxWait      ... or this long, whichever comes first: fewer, larger batches under load (each batch is
 *                          a PostgreSQL transaction and an offset commit), at most this much added freshness delay
 */
@ConfigurationProperties("kt.analytics")
public record AnalyticsProperties(Boolean consumerEnabled, String groupId, Integer concurrency, Integer maxPollRecords,
                                  Integer retryAttempts, Duration retryInitial, Duration retryMax, Integer dltPartitions,
                                  Duration statsInterval, Boolean statsScheduleEnabled, Duration dashboardTtl,
                                  Duration liveTtl, Duration streamPoll, Duration streamTimeout, Integer fetchMinBytes,
                                  Duration fetchMaxWait) {
    public AnalyticsProperties {
        consumerEnabled = consumerEnabled == null || consumerEnabled;
        groupId = groupId == null ? "analytics" : groupId;
        concurrency = concurrency == null ? 3 : concurrency;
        maxPollRecords = maxPollRecords == null ? 500 : maxPollRecords;
        retryAttempts = retryAttempts == null ? 3 : retryAttempts;
        retryInitial = retryInitial == null ? Duration.ofMillis(200) : retryInitial;
        retryMax = retryMax == null ? Duration.ofSeconds(2) : retryMax;
        dltPartitions = dltPartitions == null ? 3 : dltPartitions;
        statsInterval = statsInterval == null ? Duration.ofMinutes(5) : statsInterval;
        statsScheduleEnabled = statsScheduleEnabled == null || statsScheduleEnabled;
        dashboardTtl = dashboardTtl == null ? Duration.ofMinutes(1) : dashboardTtl;
        liveTtl = liveTtl == null ? Duration.ofHours(1) : liveTtl;
        streamPoll = streamPoll == null ? Duration.ofMillis(500) : streamPoll;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        fetchMinBytes = fetchMinBytes == null ? 64 * 1024 : fetchMinBytes;
        fetchMaxWait = fetchMaxWait == null ? Duration.ofMillis(100) : fetchMaxWait;
    }

    public static AnalyticsProperties defaults() {
        return new AnalyticsProperties(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
