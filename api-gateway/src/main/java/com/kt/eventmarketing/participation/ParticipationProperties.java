package com.kt.eventmarketing.participation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Participation settings ({@code kt.participation.*}). Rate-limit defaults: 60 entries per client address and
 * 30,000 per event (500/s, well under one gateway's measured intake) per minute. A customer enters once per event;
 * 60 leaves room for a shop's Wi-Fi or a carrier's shared address during a busy hour, and the client address comes
 * from {@code X-Forwarded-For} only behind trusted proxies ({@code kt.http.trusted-proxies}). Tests and the benchmark
 * raise both.
 *
 * @param perClientLimit   entries accepted per client address per window
 * @param perEventLimit    entries accepted per event per window (all clients together)
 * @param rateWindow       the window; it starts at a key's first hit (Retry-After = what is left of it)
 * @param eventCacheTtl    how long the intake path trusts its in-process copy of an event's status and period
 * @param idempotencyTtl   how long Redis keeps an Idempotency-Key answer (PostgreSQL keeps it for good)
 * @param exportFetchSize  JDBC fetch size of the CSV export and the draw snapshot (rows per round trip)
 * @param redisBackoff     after a Redis failure, how long the intake path goes straight to PostgreSQL
 * @param groupCommitMaxEntries entries written together in one transaction at most ({@link EntryGroupCommit})
 * @param groupCommitWriters    threads writing entries, each one transaction at a time (PostgreSQL sees at most
 *                              this many entry transactions of this gateway at once)
 */
@ConfigurationProperties("kt.participation")
public record ParticipationProperties(
        @DefaultValue("60") long perClientLimit,
        @DefaultValue("30000") long perEventLimit,
        @DefaultValue("60s") Duration rateWindow,
        @DefaultValue("2s") Duration eventCacheTtl,
        @DefaultValue("24h") Duration idempotencyTtl,
        @DefaultValue("5000") int exportFetchSize,
        @DefaultValue("1s") Duration redisBackoff,
        @DefaultValue("64") int groupCommitMaxEntries,
        @DefaultValue("2") int groupCommitWriters) {
}
