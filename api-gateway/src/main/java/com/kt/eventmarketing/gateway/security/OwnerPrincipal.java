package com.kt.eventmarketing.gateway.security;

import java.time.Instant;

/** The authenticated shop owner, taken from a verified access token. */
public record OwnerPrincipal(long userId, String tokenId, Instant expiresAt) {
}
