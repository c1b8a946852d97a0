package com.kt.eventmarketing.gateway.security;

import java.time.Instant;

/**
 * The authenticated shop owner, taken from a verified access token: its sign-in session (revoked by logout and by
 * refresh-token reuse) and the owner's token generation it was issued in (bumped by a password change).
 */
public record OwnerPrincipal(long userId, String tokenId, String sessionId, int generation, Instant expiresAt) {
}
