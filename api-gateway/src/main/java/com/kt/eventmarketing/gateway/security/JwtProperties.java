package com.kt.eventmarketing.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** HMAC key (base64, ≥ 32 bytes; {@code KT_JWT_SECRET}, checked at start-up by SecretKeyGuard) and token lifetimes. */
@ConfigurationProperties("kt.security.jwt")
public record JwtProperties(String secret, Duration accessTokenTtl, Duration refreshTokenTtl, String issuer) {
    public JwtProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofHours(1) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(14) : refreshTokenTtl;
        issuer = issuer == null ? "kt-event-marketing" : issuer;
    }
}
