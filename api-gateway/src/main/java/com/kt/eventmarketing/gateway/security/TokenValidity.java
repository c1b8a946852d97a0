package com.kt.eventmarketing.gateway.security;

import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a verified access token still counts: not expired, its session not revoked (logout, refresh-token reuse)
 * and issued in the owner's current token generation (no password change since). Asked per request by the filter
 * and periodically by long-lived responses (analytics SSE), which must not outlive the token. Every owner request
 * pays for it, so the cached answers come in one Redis round trip (one MGET of the revocations' marker, the
 * session's revocation and the owner's generation) instead of three; what is not cached is asked the usual way.
 */
@Component
public class TokenValidity {
    private final JedisPooled redis;
    private final TokenRevocations revocations;
    private final TokenGenerations generations;

    public TokenValidity(JedisPooled redis, TokenRevocations revocations, TokenGenerations generations) {
        this.redis = redis;
        this.revocations = revocations;
        this.generations = generations;
    }

    public boolean isValid(OwnerPrincipal principal) {
        if (!Instant.now().isBefore(principal.expiresAt())) {
            return false;
        }
        List<String> keys = new ArrayList<>(TokenRevocations.cacheKeys(principal.sessionId()));
        keys.add(TokenGenerations.cacheKey(principal.userId()));
        List<String> cached;
        try {
            cached = redis.mget(keys.toArray(String[]::new));
        } catch (JedisException e) {
            // each check has its own answer without Redis (the database)
            return !revocations.isRevoked(principal.sessionId())
                    && principal.generation() >= generations.current(principal.userId());
        }
        return !revocations.isRevoked(principal.sessionId(), cached.get(0), cached.get(1))
                && principal.generation() >= generations.current(principal.userId(), cached.get(2));
    }
}
