package com.kt.eventmarketing.gateway.security;

import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Whether a verified access token still counts: not expired, its session not revoked (logout, refresh-token reuse)
 * and issued in the owner's current token generation (no password change since). Asked per request by the filter
 * and periodically by long-lived responses (analytics SSE), which must not outlive the token.
 */
@Component
public class TokenValidity {
    private final TokenRevocations revocations;
    private final TokenGenerations generations;

    public TokenValidity(TokenRevocations revocations, TokenGenerations generations) {
        this.revocations = revocations;
        this.generations = generations;
    }

    public boolean isValid(OwnerPrincipal principal) {
        return Instant.now().isBefore(principal.expiresAt())
                && !revocations.isRevoked(principal.sessionId())
                && principal.generation() >= generations.current(principal.userId());
    }
}
