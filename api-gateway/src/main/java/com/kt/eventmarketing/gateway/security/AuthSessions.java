package com.kt.eventmarketing.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in sessions and their rotating refresh tokens. A login or sign-up opens a session; each refresh hands out a
 * new pair and makes the presented refresh token the last one it accepts. Presenting an older refresh token of a
 * session means a copy was stolen (the thief or the owner already used it), so the whole session is revoked: both
 * parties have to sign in again, and only the owner knows the password.
 */
@Component
public class AuthSessions {
    private static final Logger log = LoggerFactory.getLogger(AuthSessions.class);

    private final JdbcTemplate jdbc;
    private final TokenService tokens;
    private final TokenRevocations revocations;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    public AuthSessions(JdbcTemplate jdbc, TokenService tokens, TokenRevocations revocations, TransactionTemplate transactions,
                        MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.revocations = revocations;
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * Opens a session for an owner whose password was just checked, in the token generation read together with that
     * password's hash (so a password change committing meanwhile makes these tokens too old, never an old password's
     * tokens current); joins the caller's transaction.
     */
    public TokenService.IssuedTokens open(long userId, int generation) {
        String sessionId = UUID.randomUUID().toString();
        String refreshTokenId = UUID.randomUUID().toString();
        jdbc.update("insert into auth_sessions (id, user_id, refresh_token_id, expires_at) values (?, ?, ?, ?)",
                sessionId, userId, refreshTokenId, Timestamp.from(Instant.now().plus(tokens.refreshTokenTtl())));
        return tokens.issue(userId, sessionId, refreshTokenId, generation);
    }

    /** A new pair for a valid, current refresh token; empty when it is refused (the reason is logged and counted). */
    public Optional<TokenService.IssuedTokens> refresh(String refreshToken) {
        Optional<TokenService.RefreshClaims> verified = tokens.verifyRefreshToken(refreshToken);
        if (verified.isEmpty()) {
            return refused("invalid");
        }
        TokenService.RefreshClaims claims = verified.get();
        Rotation rotation = transactions.execute(tx -> rotate(claims));
        if (rotation.outcome().equals("reused")) {
            revocations.revoke(claims.sessionId()); // after the row lock is released; idempotent
            log.warn("refresh token reused: session {} of user {} revoked", claims.sessionId(), claims.userId());
        }
        if (rotation.nextTokenId() == null) {
            return refused(rotation.outcome());
        }
        meters.counter("kt.auth.refresh", "outcome", rotation.outcome()).increment();
        return Optional.of(tokens.issue(claims.userId(), claims.sessionId(), rotation.nextTokenId(), rotation.generation()));
    }

    /** What a refresh did: {@code rotated} with the next refresh token's id, or why it was refused. */
    private record Rotation(String outcome, String nextTokenId, int generation) {
        static Rotation refused(String why) {
            return new Rotation(why, null, 0);
        }
    }

    /** Row-locked, so two uses of one refresh token cannot both win: the second sees it rotated away and is a reuse. */
    private Rotation rotate(TokenService.RefreshClaims claims) {
        List<Object[]> rows = jdbc.query("""
                select s.refresh_token_id, s.revoked_at is not null or s.expires_at <= now(), u.token_generation
                from auth_sessions s join users u on u.id = s.user_id where s.id = ? and s.user_id = ? for update of s""",
                (rs, i) -> new Object[]{rs.getString(1), rs.getBoolean(2), rs.getInt(3)}, claims.sessionId(), claims.userId());
        if (rows.isEmpty() || (Boolean) rows.get(0)[1]) {
            return Rotation.refused("revoked");
        }
        int generation = (Integer) rows.get(0)[2];
        if (claims.generation() < generation) {
            return Rotation.refused("password-changed");
        }
        if (!claims.tokenId().equals(rows.get(0)[0])) {
            return Rotation.refused("reused");
        }
        String next = UUID.randomUUID().toString();
        jdbc.update("update auth_sessions set refresh_token_id = ? where id = ?", next, claims.sessionId());
        return new Rotation("rotated", next, generation);
    }

    private Optional<TokenService.IssuedTokens> refused(String reason) {
        meters.counter("kt.auth.refresh", "outcome", reason).increment();
        return Optional.empty();
    }
}
