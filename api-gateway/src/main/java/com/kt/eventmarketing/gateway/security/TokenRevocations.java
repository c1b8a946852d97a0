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

/**
 * Revoked token ids. PostgreSQL is the truth; Redis answers the per-request check. A marker key says that
 * Redis holds every revocation: when it is gone (flush, restart) the set is reloaded from the database before
 * Redis is trusted again, and when Redis is down the database answers.
 */
@Component
public class TokenRevocations {
    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);
    private static final String PREFIX = "auth:revoked:";
    private static final String LOADED_MARKER = "auth:revoked:loaded";

    private final JedisPooled redis;
    private final JdbcTemplate jdbc;

    public TokenRevocations(JedisPooled redis, JdbcTemplate jdbc) {
        this.redis = redis;
        this.jdbc = jdbc;
    }

    public void revoke(OwnerPrincipal principal) {
        jdbc.update("insert into revoked_tokens (token_id, expires_at) values (?, ?) on conflict (token_id) do nothing",
                principal.tokenId(), Timestamp.from(principal.expiresAt()));
        try {
            cache(principal.tokenId(), principal.expiresAt());
        } catch (JedisException e) {
            log.warn("could not cache a revocation in Redis ({}); the database still has it", e.getMessage());
        }
    }

    public boolean isRevoked(String tokenId) {
        try {
            if (!redis.exists(LOADED_MARKER)) {
                reloadIntoRedis();
            }
            return redis.exists(PREFIX + tokenId);
        } catch (JedisException e) {
            Integer count = jdbc.queryForObject("select count(*) from revoked_tokens where token_id = ?", Integer.class, tokenId);
            return count != null && count > 0;
        }
    }

    private void reloadIntoRedis() {
        List<Object[]> live = jdbc.query("select token_id, expires_at from revoked_tokens where expires_at > now()",
                (rs, i) -> new Object[]{rs.getString(1), rs.getTimestamp(2).toInstant()});
        for (Object[] row : live) {
            cache((String) row[0], (Instant) row[1]);
        }
        redis.set(LOADED_MARKER, Instant.now().toString());
        log.info("reloaded {} token revocations into Redis", live.size());
    }

    private void cache(String tokenId, Instant expiresAt) {
        long seconds = Math.max(1, Duration.between(Instant.now(), expiresAt).toSeconds());
        redis.set(PREFIX + tokenId, "1", SetParams.setParams().ex(seconds));
    }

    /** Expired revocations protect nothing: the token is refused for its expiry anyway. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeExpired() {
        int removed = jdbc.update("delete from revoked_tokens where expires_at < now()");
        if (removed > 0) {
            log.info("purged {} expired token revocations", removed);
        }
    }
}
