package com.kt.eventmarketing.gateway.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/** Issues and verifies HS256 JWTs. Revocation is checked separately ({@link TokenRevocations}). */
@Component
public class TokenService {
    static final String TYPE_CLAIM = "typ";
    static final String ACCESS = "access";
    static final String REFRESH = "refresh";

    private final SecretKey key;
    private final JwtProperties properties;

    public TokenService(JwtProperties properties) {
        this.properties = properties;
        byte[] bytes = Base64.getDecoder().decode(properties.secret());
        if (bytes.length < 32) {
            throw new IllegalStateException("kt.security.jwt.secret must decode to at least 32 bytes");
        }
        this.key = Keys.hmacShaKeyFor(bytes);
    }

    public IssuedTokens issue(long userId) {
        return new IssuedTokens(sign(userId, ACCESS, properties.accessTokenTtl()),
                sign(userId, REFRESH, properties.refreshTokenTtl()),
                properties.accessTokenTtl().toSeconds());
    }

    /** The owner of a signed, unexpired access token, or empty for anything else. */
    public Optional<OwnerPrincipal> verifyAccessToken(String token) {
        try {
            Claims claims = Jwts.parser().verifyWith(key).requireIssuer(properties.issuer()).build()
                    .parseSignedClaims(token).getPayload();
            if (!ACCESS.equals(claims.get(TYPE_CLAIM, String.class))) {
                return Optional.empty();
            }
            return Optional.of(new OwnerPrincipal(Long.parseLong(claims.getSubject()), claims.getId(),
                    claims.getExpiration().toInstant()));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(long userId, String type, Duration ttl) {
        Instant now = Instant.now();
        return Jwts.builder()
                .issuer(properties.issuer())
                .subject(Long.toString(userId))
                .id(UUID.randomUUID().toString())
                .claim(TYPE_CLAIM, type)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(key)
                .compact();
    }

    public record IssuedTokens(String accessToken, String refreshToken, long expiresIn) {
    }
}
