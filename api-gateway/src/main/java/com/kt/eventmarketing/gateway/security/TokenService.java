package com.kt.eventmarketing.gateway.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
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

/**
 * Issues and verifies HS256 JWTs. Both tokens of a pair carry the sign-in session ({@code sid}) and the owner's
 * token generation ({@code gen}); whether those are still valid is checked separately ({@link TokenValidity},
 * {@link AuthSessions}).
 */
@Component
public class TokenService {
    static final String TYPE_CLAIM = "typ";
    static final String SESSION_CLAIM = "sid";
    static final String GENERATION_CLAIM = "gen";
    static final String ACCESS = "access";
    static final String REFRESH = "refresh";

    private final SecretKey key;
    private final JwtProperties properties;
    // immutable and thread-safe: built once instead of per request (it showed in the gateway's profile)
    private final JwtParser parser;

    public TokenService(JwtProperties properties) {
        this.properties = properties;
        byte[] bytes = Base64.getDecoder().decode(properties.secret());
        if (bytes.length < 32) {
            throw new IllegalStateException("kt.security.jwt.secret must decode to at least 32 bytes");
        }
        this.key = Keys.hmacShaKeyFor(bytes);
        this.parser = Jwts.parser().verifyWith(key).requireIssuer(properties.issuer()).build();
    }

    public Duration refreshTokenTtl() {
        return properties.refreshTokenTtl();
    }

    /** A new pair for a session; the refresh token's id is the one the session will accept next. */
    public IssuedTokens issue(long userId, String sessionId, String refreshTokenId, int generation) {
        return new IssuedTokens(
                sign(userId, ACCESS, UUID.randomUUID().toString(), sessionId, generation, properties.accessTokenTtl()),
                sign(userId, REFRESH, refreshTokenId, sessionId, generation, properties.refreshTokenTtl()),
                properties.accessTokenTtl().toSeconds());
    }

    /** The owner of a signed, unexpired access token, or empty for anything else. */
    public Optional<OwnerPrincipal> verifyAccessToken(String token) {
        return parse(token, ACCESS).map(c -> new OwnerPrincipal(Long.parseLong(c.getSubject()), c.getId(),
                c.get(SESSION_CLAIM, String.class), c.get(GENERATION_CLAIM, Integer.class), c.getExpiration().toInstant()));
    }

    /** The claims of a signed, unexpired refresh token, or empty for anything else. */
    public Optional<RefreshClaims> verifyRefreshToken(String token) {
        return parse(token, REFRESH).map(c -> new RefreshClaims(Long.parseLong(c.getSubject()), c.getId(),
                c.get(SESSION_CLAIM, String.class), c.get(GENERATION_CLAIM, Integer.class)));
    }

    private Optional<Claims> parse(String token, String type) {
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (!type.equals(claims.get(TYPE_CLAIM, String.class)) || claims.get(SESSION_CLAIM, String.class) == null
                    || claims.get(GENERATION_CLAIM, Integer.class) == null || claims.getId() == null) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(long userId, String type, String tokenId, String sessionId, int generation, Duration ttl) {
        Instant now = Instant.now();
        return Jwts.builder()
                .issuer(properties.issuer())
                .subject(Long.toString(userId))
                .id(tokenId)
                .claim(TYPE_CLAIM, type)
                .claim(SESSION_CLAIM, sessionId)
                .claim(GENERATION_CLAIM, generation)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(key)
                .compact();
    }

    public record IssuedTokens(String accessToken, String refreshToken, long expiresIn) {
    }

    public record RefreshClaims(long userId, String tokenId, String sessionId, int generation) {
    }
}
