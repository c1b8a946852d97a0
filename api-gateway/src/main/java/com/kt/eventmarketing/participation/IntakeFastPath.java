package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.shared.redis.LuaScript;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Redis side of entries: one Lua script per entry before the database work (both rate-limit counters, the
 * duplicate check and the Idempotency-Key lookup), and after each commit one pipelined round trip for all the
 * entries it wrote (remember their phones and the keys' answers), made by the group's writer before any of them is
 * answered. Redis is only a fast path: any Redis error is logged, counted, and the entry goes on to PostgreSQL,
 * whose unique constraints decide; for {@code kt.participation.redis-backoff} after a failure Redis is not even
 * asked. Rate limits then fall back to per-instance counters.
 */
@Component
public class IntakeFastPath {
    private static final Logger log = LoggerFactory.getLogger(IntakeFastPath.class);

    /** KEYS: client counter, event counter, event's phone set, idempotency key. ARGV: phone hash, has-key, window ms. */
    private static final LuaScript PRECHECK = new LuaScript("""
            local w = tonumber(ARGV[3])
            local c = redis.call('INCR', KEYS[1])
            if c == 1 then redis.call('PEXPIRE', KEYS[1], w) end
            local e = redis.call('INCR', KEYS[2])
            if e == 1 then redis.call('PEXPIRE', KEYS[2], w) end
            local dup = redis.call('SISMEMBER', KEYS[3], ARGV[1])
            local idem = false
            if ARGV[2] == '1' then idem = redis.call('GET', KEYS[4]) end
            return {c, redis.call('PTTL', KEYS[1]), e, redis.call('PTTL', KEYS[2]), dup, idem}
            """);
    private static final String NO_KEY = "kt:part:none";

    private final JedisPooled redis;
    private final ParticipationProperties properties;
    private final Counter redisFailures;
    private final Map<String, long[]> localWindows = new ConcurrentHashMap<>();
    private volatile long skipRedisUntilNanos;

    public IntakeFastPath(JedisPooled redis, ParticipationProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.redisFailures = meters.counter("kt.participation.redis.failures");
    }

    /** What Redis (or, without it, the local counters) said before the database work. */
    public record Precheck(boolean fromRedis, String limitedBy, long retryAfterSeconds, boolean knownDuplicate,
                           String storedAnswer) {
    }

    public Precheck precheck(String client, long eventId, String phoneHash, String idempotencyKeyHash) {
        long windowMs = properties.rateWindow().toMillis();
        if (redisUsable()) {
            try {
                Object reply = PRECHECK.run(redis,
                        List.of("kt:rl:client:" + client, "kt:rl:event:" + eventId, phoneSet(eventId),
                                idempotencyKeyHash == null ? NO_KEY : answerKey(eventId, idempotencyKeyHash)),
                        List.of(phoneHash, idempotencyKeyHash == null ? "0" : "1", Long.toString(windowMs)));
                List<?> r = (List<?>) reply;
                long clientCount = (Long) r.get(0);
                long clientTtl = (Long) r.get(1);
                long eventCount = (Long) r.get(2);
                long eventTtl = (Long) r.get(3);
                boolean duplicate = ((Long) r.get(4)) == 1L;
                String answer = r.size() > 5 && r.get(5) != null ? asString(r.get(5)) : null;
                if (clientCount > properties.perClientLimit()) {
                    return new Precheck(true, "client", seconds(clientTtl), duplicate, answer);
                }
                if (eventCount > properties.perEventLimit()) {
                    return new Precheck(true, "event", seconds(eventTtl), duplicate, answer);
                }
                return new Precheck(true, null, 0, duplicate, answer);
            } catch (RuntimeException e) {
                failed("precheck", e);
            }
        }
        long clientWait = local("client:" + client, properties.perClientLimit(), windowMs);
        if (clientWait > 0) {
            return new Precheck(false, "client", seconds(clientWait), false, null);
        }
        long eventWait = local("event:" + eventId, properties.perEventLimit(), windowMs);
        if (eventWait > 0) {
            return new Precheck(false, "event", seconds(eventWait), false, null);
        }
        return new Precheck(false, null, 0, false, null);
    }

    /** What to remember of an entry once the database has answered it. */
    public record Memo(long eventId, String phoneHash, Instant eventEnd, String idempotencyKeyHash, String requestHash) {
    }

    /**
     * After a commit, in one pipelined round trip: each entry's phone is taken (an accepted one and one the database
     * found a duplicate alike), and an accepted entry's key answers with its number. A replayed key needs nothing.
     */
    public void rememberAll(List<Memo> memos, List<EntryWrites.Result> results) {
        if (!redisUsable()) {
            return;
        }
        long answerTtl = properties.idempotencyTtl().toMillis();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (int i = 0; i < memos.size(); i++) {
                Memo memo = memos.get(i);
                EntryWrites.Result result = results.get(i);
                if (result instanceof EntryWrites.Stored) {
                    continue;
                }
                String phones = phoneSet(memo.eventId());
                pipeline.sadd(phones, memo.phoneHash());
                pipeline.pexpireAt(phones, phonesForgottenAt(memo.eventEnd()).toEpochMilli());
                if (result instanceof EntryWrites.Accepted accepted && memo.idempotencyKeyHash() != null) {
                    pipeline.set(answerKey(memo.eventId(), memo.idempotencyKeyHash()),
                            accepted.entryNumber() + ":" + memo.requestHash(), SetParams.setParams().px(answerTtl));
                }
            }
            pipeline.sync();
        } catch (RuntimeException e) {
            failed("remember", e);
        }
    }

    /**
     * A day after the event ends (the same instant for every entry, so each may set it; a day from now when the end
     * is unknown), at least a minute from now.
     */
    private static Instant phonesForgottenAt(Instant eventEnd) {
        Instant now = Instant.now();
        Instant afterEnd = (eventEnd == null ? now : eventEnd).plus(Duration.ofDays(1));
        Instant soonest = now.plus(Duration.ofMinutes(1));
        return afterEnd.isAfter(soonest) ? afterEnd : soonest;
    }

    private boolean redisUsable() {
        return System.nanoTime() - skipRedisUntilNanos >= 0;
    }

    private void failed(String what, RuntimeException e) {
        redisFailures.increment();
        skipRedisUntilNanos = System.nanoTime() + properties.redisBackoff().toNanos();
        log.warn("Redis {} failed ({}); entries go straight to PostgreSQL for {}", what, e.toString(), properties.redisBackoff());
    }

    /** Per-instance fixed window from the first hit; returns the wait in ms when over the limit, else 0. */
    private long local(String key, long limit, long windowMs) {
        long now = System.currentTimeMillis();
        if (localWindows.size() > 100_000) {
            for (Iterator<long[]> it = localWindows.values().iterator(); it.hasNext(); ) {
                if (it.next()[0] + windowMs <= now) {
                    it.remove();
                }
            }
        }
        long[] window = localWindows.compute(key, (k, w) -> {
            if (w == null || w[0] + windowMs <= now) {
                return new long[]{now, 1};
            }
            w[1]++;
            return w;
        });
        return window[1] > limit ? Math.max(1, window[0] + windowMs - now) : 0;
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String asString(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
    }

    private static String phoneSet(long eventId) {
        return "kt:part:phones:" + eventId;
    }

    private static String answerKey(long eventId, String keyHash) {
        return "kt:part:idem:" + eventId + ":" + keyHash;
    }
}
