package com.kt.eventmarketing.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Revoked sign-in sessions. PostgreSQL ({@code auth_sessions.revoked_at}) is written first and is the truth; Redis
 * answers the per-request check. A marker key says that Redis holds every revocation: when it is gone (flush,
 * restart) the set is reloaded from the database before Redis is trusted again, and when Redis is down the database
 * answers. When Redis misses a revocation (a blip between the two writes) the marker is recorded as stale
 * ({@link RedisStaleKeys}) and deleted as soon as Redis is back, so the revocation cannot be lost behind it.
 */
@Component
public class TokenRevocations {
    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);
    private static final String PREFIX = "auth:revoked:";
    static final String LOADED_MARKER = "auth:revoked:loaded";

    private final JedisPooled redis;
    private final JdbcTemplate jdbc;
    private final RedisStaleKeys staleKeys;

    public TokenRevocations(JedisPooled redis, JdbcTemplate jdbc, RedisStaleKeys staleKeys) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.staleKeys = staleKeys;
    }

    /** Revokes a session (idempotent); {@code true} when this call revoked it. */
    public boolean revoke(String sessionId) {
        Optional<Instant> expiresAt = jdbc.query(
                "update auth_sessions set revoked_at = now() where id = ? and revoked_at is null returning expires_at",
                (rs, i) -> rs.getTimestamp(1).toInstant(), sessionId).stream().findFirst();
        expiresAt.ifPresent(expiry -> {
            try {
                cache(sessionId, expiry);
            } catch (JedisException e) {
                staleKeys.markStale(LOADED_MARKER);
            }
        });
        return expiresAt.isPresent();
    }

    /** The Redis keys {@link #isRevoked(String, String, String)} reads, in its order (one MGET with others). */
    static List<String> cacheKeys(String sessionId) {
        return List.of(LOADED_MARKER, PREFIX + sessionId);
    }

    /**
     * The answer from the values of {@link #cacheKeys} read together with other per-request keys; without the marker
     * Redis may be missing revocations, so the full check (reload, then ask again) decides.
     */
    boolean isRevoked(String sessionId, String loadedMarker, String revokedMarker) {
        return loadedMarker == null ? isRevoked(sessionId) : revokedMarker != null;
    }

    /** A session that is unknown counts as revoked: no valid token names one that was never opened. */
    public boolean isRevoked(String sessionId) {
        try {
            if (!redis.exists(LOADED_MARKER)) {
                reloadIntoRedis();
            }
            return redis.exists(PREFIX + sessionId);
        } catch (JedisException e) {
            List<Boolean> revoked = jdbc.queryForList("select revoked_at is not null from auth_sessions where id = ?",
                    Boolean.class, sessionId);
            return revoked.isEmpty() || revoked.get(0);
        }
    }

    private void reloadIntoRedis() {
        List<Object[]> live = jdbc.query("select id, expires_at from auth_sessions where revoked_at is not null and expires_at > now()",
                (rs, i) -> new Object[]{rs.getString(1), rs.getTimestamp(2).toInstant()});
        for (Object[] row : live) {
            cache((String) row[0], (Instant) row[1]);
        }
        redis.set(LOADED_MARKER, Instant.now().toString());
        log.info("reloaded {} session revocations into Redis", live.size());
    }

    private void cache(String sessionId, Instant expiresAt) {
        long seconds = Math.max(1, Duration.between(Instant.now(), expiresAt).toSeconds());
        redis.set(PREFIX + sessionId, "1", SetParams.setParams().ex(seconds));
    }

    /** Expired sessions protect nothing: their tokens are refused for their expiry anyway. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeExpired() {
        int removed = jdbc.update("delete from auth_sessions where expires_at < ?", Timestamp.from(Instant.now()));
        if (removed > 0) {
            log.info("purged {} expired sign-in sessions", removed);
        }
    }
}
