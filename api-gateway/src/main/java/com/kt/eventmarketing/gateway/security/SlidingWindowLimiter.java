package com.kt.eventmarketing.gateway.security;

import com.kt.eventmarketing.shared.redis.LuaScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Sliding-window counters over several buckets at once: an attempt is admitted only if every bucket has room, and
 * then counts in all of them (a refused attempt counts nowhere, so a blocked client cannot extend its own block).
 * Redis (one sorted set per bucket, one script, Redis's own clock) is the fast path; while Redis is down the same
 * windows are kept in PostgreSQL, so the limits hold instead of failing open.
 */
@Component
public class SlidingWindowLimiter {
    private static final Logger log = LoggerFactory.getLogger(SlidingWindowLimiter.class);
    /** KEYS: buckets; ARGV: member, then per bucket max and window (ms). Returns 0, or ms until the fullest bucket has room. */
    private static final LuaScript ADMIT = new LuaScript("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local wait = 0
            for i, key in ipairs(KEYS) do
              local max = tonumber(ARGV[i * 2])
              local window = tonumber(ARGV[i * 2 + 1])
              redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
              local count = redis.call('ZCARD', key)
              if count >= max then
                local freeing = tonumber(redis.call('ZRANGE', key, count - max, count - max, 'WITHSCORES')[2])
                wait = math.max(wait, freeing + window - now, 1)
              end
            end
            if wait > 0 then return wait end
            for i, key in ipairs(KEYS) do
              redis.call('ZADD', key, now, ARGV[1])
              redis.call('PEXPIRE', key, tonumber(ARGV[i * 2 + 1]))
            end
            return 0
            """);

    private final JedisPooled redis;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public SlidingWindowLimiter(JedisPooled redis, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public record Bucket(String key, AuthThrottleProperties.Limit limit) {
    }

    /** Zero when the attempt is admitted (and counted), else how long until it would be. */
    public Duration admit(List<Bucket> buckets) {
        List<String> keys = buckets.stream().map(Bucket::key).toList();
        List<String> args = new ArrayList<>(List.of(UUID.randomUUID().toString()));
        for (Bucket b : buckets) {
            args.add(Integer.toString(b.limit().max()));
            args.add(Long.toString(b.limit().window().toMillis()));
        }
        try {
            return Duration.ofMillis((Long) ADMIT.run(redis, keys, args));
        } catch (JedisException e) {
            log.debug("rate limit through PostgreSQL, Redis failed: {}", e.toString());
            return transactions.execute(tx -> admitInDatabase(buckets));
        }
    }

    /** Same rules; the buckets are locked (transaction advisory locks, in key order against deadlocks) while counted. */
    private Duration admitInDatabase(List<Bucket> buckets) {
        Instant now = Instant.now();
        Duration wait = Duration.ZERO;
        List<Bucket> ordered = buckets.stream().sorted(Comparator.comparing(Bucket::key)).toList();
        for (Bucket b : ordered) {
            jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", b.key());
        }
        for (Bucket b : ordered) {
            Timestamp since = Timestamp.from(now.minus(b.limit().window()));
            List<Timestamp> hits = jdbc.queryForList("select hit_at from auth_throttle_hits where bucket = ? and hit_at > ? order by hit_at",
                    Timestamp.class, b.key(), since);
            if (hits.size() >= b.limit().max()) {
                Duration untilRoom = Duration.between(now, hits.get(hits.size() - b.limit().max()).toInstant().plus(b.limit().window()));
                wait = untilRoom.compareTo(wait) > 0 ? untilRoom : wait;
            }
        }
        if (wait.isZero()) {
            for (Bucket b : ordered) {
                jdbc.update("insert into auth_throttle_hits (bucket, hit_at) values (?, ?)", b.key(), Timestamp.from(now));
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Hits older than any window are no longer counted. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void purgeOldHits() {
        jdbc.update("delete from auth_throttle_hits where hit_at < ?", Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
    }
}
