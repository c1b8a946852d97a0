package com.kt.eventmarketing.gateway.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import com.kt.eventmarketing.shared.redis.LuaScript;

import java.util.List;

/**
 * Each owner's token generation ({@code users.token_generation}): a password change bumps it and every token
 * issued before carries a lower one. A counter rather than a "valid after" instant, because JWT times have whole
 * seconds and gateways' clocks differ: a login in the same second as the change must not be refused, nor an old
 * token accepted. Redis caches it for the per-request check (1 h, rebuilt from PostgreSQL when missing); a cached
 * value only ever grows, so a reader that loaded it just before a change cannot put the old one back.
 */
@Component
public class TokenGenerations {
    private static final String PREFIX = "auth:gen:";
    private static final long CACHE_SECONDS = 3600;
    /** Sets the generation unless a higher one is cached. */
    private static final LuaScript RAISE = new LuaScript("""
            local current = tonumber(redis.call('GET', KEYS[1]) or '-1')
            if tonumber(ARGV[1]) > current then
              redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            end
            return 1
            """);

    private final JedisPooled redis;
    private final JdbcTemplate jdbc;
    private final RedisStaleKeys staleKeys;

    public TokenGenerations(JedisPooled redis, JdbcTemplate jdbc, RedisStaleKeys staleKeys) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.staleKeys = staleKeys;
    }

    /** The Redis key {@link #current(long, String)} reads (one MGET with other per-request keys). */
    static String cacheKey(long userId) {
        return PREFIX + userId;
    }

    /** The generation from its cached value read together with other keys; missing, from the database as usual. */
    int current(long userId, String cached) {
        return cached != null ? Integer.parseInt(cached) : current(userId);
    }

    public int current(long userId) {
        String key = cacheKey(userId);
        try {
            String cached = redis.get(key);
            if (cached != null) {
                return Integer.parseInt(cached);
            }
            int stored = fromDatabase(userId);
            redis.set(key, Integer.toString(stored), SetParams.setParams().nx().ex(CACHE_SECONDS));
            return stored;
        } catch (JedisException e) {
            return fromDatabase(userId);
        }
    }

    /** Bumps the owner's generation in the caller's transaction; call {@link #publish} after it committed. */
    public int bump(long userId) {
        return jdbc.queryForObject("update users set token_generation = token_generation + 1 where id = ? returning token_generation",
                Integer.class, userId);
    }

    public void publish(long userId, int generation) {
        try {
            RAISE.run(redis, List.of(PREFIX + userId), List.of(Integer.toString(generation), Long.toString(CACHE_SECONDS)));
        } catch (JedisException e) {
            staleKeys.markStale(PREFIX + userId);
        }
    }

    private int fromDatabase(long userId) {
        List<Integer> generation = jdbc.queryForList("select token_generation from users where id = ?", Integer.class, userId);
        return generation.isEmpty() ? Integer.MAX_VALUE : generation.get(0); // a deleted owner's tokens are all too old
    }
}
