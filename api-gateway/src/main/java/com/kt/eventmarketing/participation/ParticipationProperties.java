package com.kt.eventmarketing.participation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Participation settings ({@code kt.participation.*}). The rate-limit defaults are deliberately generous so
 * that tests and benchmarks are not throttled; production lowers {@code per-client} (e.g. 30 per minute).
 *
 * @param perClientLimit   entries accepted per client address per window
 * @param perEventLimit    entries accepted per event per window (all clients together)
 * @param rateWindow       the window; it starts at a key's first hit (Retry-After = what is left of it)
 * @param eventCacheTtl    how long the intake path trusts its in-process copy of an event's status and period
 * @param idempotencyTtl   how long Redis keeps an Idempotency-Key answer (PostgreSQL keeps it for good)
 * @param exportFetchSize  JDBC fetch size of the CSV export and the draw snapshot (rows per round trip)
 * @param redisBackoff     after a Redis failure, how long the intake path goes straight to PostgreSQL
 */
@ConfigurationProperties("kt.participation")
public record ParticipationProperties(
        @DefaultValue("1000000") long perClientLimit,
        @DefaultValue("1000000") long perEventLimit,
        @DefaultValue("60s") Duration rateWindow,
        @DefaultValue("2s") Duration eventCacheTtl,
        @DefaultValue("24h") Duration idempotencyTtl,
        @DefaultValue("5000") int exportFetchSize,
        @DefaultValue("1s") Duration redisBackoff) {
}
