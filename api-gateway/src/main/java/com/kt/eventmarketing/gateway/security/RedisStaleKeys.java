package com.kt.eventmarketing.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import java.util.List;

/**
 * Redis keys that may hold an outdated copy because writing the new state to Redis failed after PostgreSQL had it
 * (a logout or a password change during a Redis blip). Without this, Redis would come back with the old copy and be
 * trusted again. The key is recorded in PostgreSQL and deleted from Redis as soon as Redis answers (checked every
 * {@code kt.security.stale-key-sweep}, 1 s), so the next reader rebuilds it from the database.
 */
@Component
public class RedisStaleKeys {
    private static final Logger log = LoggerFactory.getLogger(RedisStaleKeys.class);

    private final JedisPooled redis;
    private final JdbcTemplate jdbc;

    public RedisStaleKeys(JedisPooled redis, JdbcTemplate jdbc) {
        this.redis = redis;
        this.jdbc = jdbc;
    }

    public void markStale(String key) {
        // a second miss while a sweep is under way renews the row, so that sweep's delete below leaves it for the next
        jdbc.update("insert into redis_stale_keys (redis_key) values (?) on conflict (redis_key) do update set created_at = clock_timestamp()", key);
        log.warn("Redis missed a write to {}; it is deleted there once Redis answers again", key);
    }

    @Scheduled(fixedDelayString = "${kt.security.stale-key-sweep:1s}")
    public void sweep() {
        List<Object[]> rows = jdbc.query("select redis_key, created_at from redis_stale_keys limit 1000",
                (rs, i) -> new Object[]{rs.getString(1), rs.getTimestamp(2)});
        if (rows.isEmpty()) {
            return;
        }
        try {
            redis.del(rows.stream().map(r -> (String) r[0]).toArray(String[]::new));
        } catch (JedisException stillDown) {
            return;
        }
        jdbc.batchUpdate("delete from redis_stale_keys where redis_key = ? and created_at = ?", rows);
        log.info("deleted {} stale Redis keys", rows.size());
    }
}
