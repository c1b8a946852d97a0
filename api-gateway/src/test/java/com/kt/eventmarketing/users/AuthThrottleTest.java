package com.kt.eventmarketing.users;

import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.gateway.Owners;
import com.kt.eventmarketing.testsupport.RealServers;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login and sign-up limits, low for this context: login 5 per client and 3 per account, sign-up 2 per client, in
 * windows that do not roll over mid-test. The test's own address plays the trusted ingress, so X-Forwarded-For
 * makes distinct clients.
 */
@GatewayTest(properties = {"kt.http.trusted-proxies=127.0.0.1/32", "kt.analytics.consumer-enabled=false",
        "kt.security.throttle.login-per-client.max=5", "kt.security.throttle.login-per-client.window=10m",
        "kt.security.throttle.login-per-account.max=3", "kt.security.throttle.login-per-account.window=10m",
        "kt.security.throttle.register-per-client.max=2", "kt.security.throttle.register-per-client.window=10m"})
class AuthThrottleTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    private static String client() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static String email() {
        return "nobody" + System.nanoTime() + "@example.com";
    }

    private HttpResponse<String> post(String path, String client, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String client, String email) throws Exception {
        return post("/api/v1/users/login", client, Map.of("email", email, "password", "wrong#1234"));
    }

    private static void assertThrottled(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
    }

    @Test
    void anAccountIsThrottledWhicheverClientTriesIt() throws Exception {
        String account = email().toUpperCase(); // and its case does not make it another account
        double before = meters.counter("kt.auth.throttled", "action", "login").count();
        for (int i = 0; i < 3; i++) {
            assertThat(login(client(), account.toLowerCase()).statusCode()).isEqualTo(401);
        }
        assertThrottled(login(client(), account));
        assertThat(JSON.readTree(login(client(), account).body()).get("limit").asString()).isEqualTo("login");
        assertThat(meters.counter("kt.auth.throttled", "action", "login").count()).isEqualTo(before + 2);
    }

    @Test
    void aClientIsThrottledWhicheverAccountsItTries() throws Exception {
        String client = client();
        for (int i = 0; i < 5; i++) {
            assertThat(login(client, email()).statusCode()).isEqualTo(401);
        }
        assertThrottled(login(client, email()));
        assertThat(login(client(), email()).statusCode()).as("another client is not affected").isEqualTo(401);
    }

    @Test
    void signUpsArePerClientToo() throws Exception {
        String client = client();
        for (int i = 0; i < 2; i++) {
            assertThat(post("/api/v1/users/register", client, Owners.registration()).statusCode()).isEqualTo(201);
        }
        assertThrottled(post("/api/v1/users/register", client, Owners.registration()));
    }

    /** Redis is a fast path, not the limit's only copy: without it the same windows are kept in PostgreSQL. */
    @Test
    void withoutRedisTheLimitsHoldThroughPostgres() throws Exception {
        String client = client();
        RealServers.stopRedis();
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(login(client, email()).statusCode()).isEqualTo(401);
            }
            assertThrottled(login(client, email()));
        } finally {
            RealServers.startRedis();
        }
    }
}
