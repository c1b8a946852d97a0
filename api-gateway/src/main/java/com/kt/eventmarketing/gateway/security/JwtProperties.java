package com.kt.eventmarketing.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** HMAC key (base64, ≥ 32 bytes) and token lifetimes. The default key in application.yml is for the local stack only. */
@ConfigurationProperties("kt.security.jwt")
public record JwtProperties(String secret, Duration accessTokenTtl, Duration refreshTokenTtl, String issuer) {
    public JwtProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofHours(1) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(14) : refreshTokenTtl;
        issuer = issuer == null ? "kt-event-marketing" : issuer;
    }
}
