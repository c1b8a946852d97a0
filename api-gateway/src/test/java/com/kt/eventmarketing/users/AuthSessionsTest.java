package com.kt.eventmarketing.users;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.gateway.Owners;
import com.kt.eventmarketing.gateway.TestEvents;
import com.kt.eventmarketing.gateway.security.JwtProperties;
import com.kt.eventmarketing.gateway.security.OwnerPrincipal;
import com.kt.eventmarketing.gateway.security.RedisStaleKeys;
import com.kt.eventmarketing.gateway.security.TokenRevocations;
import com.kt.eventmarketing.gateway.security.TokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.JedisPooled;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in sessions: rotating refresh tokens, logout, password change, and what outlives none of them. */
@GatewayTest
class AuthSessionsTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TokenService tokens;
    @Autowired
    JwtProperties jwt;
    @Autowired
    RedisStaleKeys staleKeys;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private Map<String, Object> registered() {
        Map<String, Object> body = Owners.registration();
        assertThat(api.post("/api/v1/users/register", null, body).status()).isEqualTo(201);
        return body;
    }

    private ApiClient.Response login(Map<String, Object> owner, String password) {
        return api.post("/api/v1/users/login", null, Map.of("email", owner.get("email"), "password", password));
    }

    private ApiClient.Response refresh(String refreshToken) {
        return api.post("/api/v1/users/refresh", null, Map.of("refreshToken", refreshToken));
    }

    @Test
    void eachRefreshTokenWorksOnceAndReusingAnOldOneEndsTheWholeSession() {
        var pair = login(registered(), "chicken#2026").json();
        var first = refresh(pair.get("refreshToken").asString());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("expiresIn").asLong()).isEqualTo(3600);
        String access2 = first.json().get("accessToken").asString();
        String refresh2 = first.json().get("refreshToken").asString();
        assertThat(api.get("/api/v1/users/me", access2).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me", pair.get("accessToken").asString()).status())
                .as("the earlier access token lives on until its expiry").isEqualTo(200);

        var reused = refresh(pair.get("refreshToken").asString());
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        // the reuse revoked the family: the thief's (or the owner's) newer tokens are dead too
        assertThat(refresh(refresh2).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", access2).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", pair.get("accessToken").asString()).status()).isEqualTo(401);

        assertThat(refresh(access2).status()).as("an access token is not a refresh token").isEqualTo(401);
        assertThat(refresh("garbage").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/users/refresh", null, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void logoutEndsTheSessionsRefreshTokenToo() {
        var pair = login(registered(), "chicken#2026").json();
        assertThat(api.post("/api/v1/users/logout", pair.get("accessToken").asString(), null).status()).isEqualTo(204);
        assertThat(refresh(pair.get("refreshToken").asString()).status()).isEqualTo(401);
    }

    @Test
    void aPasswordChangeEndsEveryTokenIssuedBeforeItInEverySession() {
        Map<String, Object> owner = registered();
        var phone = login(owner, "chicken#2026").json();
        var laptop = login(owner, "chicken#2026").json();
        assertThat(api.put("/api/v1/users/me/password", laptop.get("accessToken").asString(),
                Map.of("currentPassword", "chicken#2026", "newPassword", "better#2027")).status()).isEqualTo(204);

        for (var pair : new tools.jackson.databind.JsonNode[]{phone, laptop}) {
            assertThat(api.get("/api/v1/users/me", pair.get("accessToken").asString()).status()).isEqualTo(401);
            assertThat(refresh(pair.get("refreshToken").asString()).status()).isEqualTo(401);
        }
        // at once, in the same second: the generation is a counter, not a time
        var fresh = login(owner, "better#2027").json();
        assertThat(api.get("/api/v1/users/me", fresh.get("accessToken").asString()).status()).isEqualTo(200);
        assertThat(refresh(fresh.get("refreshToken").asString()).status()).isEqualTo(200);
    }

    /**
     * PostgreSQL takes the logout, Redis misses it (here: a gateway whose Redis does not answer). Redis still has the
     * "fully loaded" marker, so without the stale-key record every gateway would keep accepting the token.
     */
    @Test
    void aLogoutThatRedisMissedIsNotLost() throws Exception {
        String token = login(registered(), "chicken#2026").json().get("accessToken").asString();
        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200); // Redis now answers for revocations
        OwnerPrincipal principal = tokens.verifyAccessToken(token).orElseThrow();
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        try (JedisPooled unreachable = new JedisPooled("127.0.0.1", deadPort)) {
            assertThat(new TokenRevocations(unreachable, jdbc, staleKeys).revoke(principal.sessionId())).isTrue();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            status = api.get("/api/v1/users/me", token).status();
        } while (status == 200 && System.nanoTime() < deadline && sleep(200));
        assertThat(status).isEqualTo(401);
    }

    @Test
    void anAnalyticsStreamEndsWhenItsTokenIsRevoked() throws Exception {
        TestEvents events = new TestEvents(jdbc, api);
        TestEvents.Owner owner = events.owner();
        long eventId = events.event(owner, "ACTIVE", 10, null);
        CompletableFuture<Void> ended = openStream(eventId, owner.token());
        Thread.sleep(500);
        assertThat(ended).isNotDone();
        assertThat(api.post("/api/v1/users/logout", owner.token(), null).status()).isEqualTo(204);
        ended.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAnalyticsStreamEndsWhenItsTokenExpires() throws Exception {
        TestEvents events = new TestEvents(jdbc, api);
        TestEvents.Owner owner = events.owner();
        long eventId = events.event(owner, "ACTIVE", 10, null);
        OwnerPrincipal principal = tokens.verifyAccessToken(owner.token()).orElseThrow();
        // same key and session, a 5-second lifetime
        TokenService shortLived = new TokenService(new JwtProperties(jwt.secret(), Duration.ofSeconds(5), jwt.refreshTokenTtl(), jwt.issuer()));
        String token = shortLived.issue(owner.id(), principal.sessionId(), "unused", principal.generation()).accessToken();
        long opened = System.nanoTime();
        openStream(eventId, token).get(20, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThan(Duration.ofSeconds(12));
    }

    /** Completes when the server ends the stream: end of body, or the connection closed under the reader. */
    private CompletableFuture<Void> openStream(long eventId, String token) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + eventId + "/analytics/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        return CompletableFuture.runAsync(() -> {
            try (InputStream body = response.body()) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException ended) {
                // the server ended the response
            }
        });
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
