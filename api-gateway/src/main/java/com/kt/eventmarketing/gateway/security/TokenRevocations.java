package com.kt.eventmarketing.gateway.security;

import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.time.Instant;

/**
 * Revoked token ids in Redis, each kept only until the token would have expired anyway. A revoked token
 * must never work again, so a Redis failure during the check fails closed (the request gets 401 via the
 * exception, never silently passes).
 */
@Component
public class TokenRevocations {
    private static final String PREFIX = "auth:revoked:";
    private final JedisPooled redis;

    public TokenRevocations(JedisPooled redis) {
        this.redis = redis;
    }

    public void revoke(OwnerPrincipal principal) {
        long seconds = Math.max(1, Duration.between(Instant.now(), principal.expiresAt()).toSeconds());
        redis.set(PREFIX + principal.tokenId(), "1", SetParams.setParams().ex(seconds));
    }

    public boolean isRevoked(String tokenId) {
        return redis.exists(PREFIX + tokenId);
    }
}
