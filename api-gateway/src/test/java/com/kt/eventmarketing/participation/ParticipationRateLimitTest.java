package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.testsupport.RealServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.JedisPooled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Low limits for this context only: per event 5, per client 12, in a window long enough not to roll over mid-test.
 * The test client's own address (127.0.0.1) plays the trusted ingress for the forwarded-address case.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@GatewayTest(properties = {"kt.analytics.consumer-enabled=false", "kt.participation.per-event-limit=5", "kt.participation.per-client-limit=12",
        "kt.participation.rate-window=10m", "kt.participation.redis-backoff=100ms",
        "kt.http.trusted-proxies=127.0.0.1/32"})
class ParticipationRateLimitTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JedisPooled redis;
    ParticipationFixtures fx;

    @BeforeEach
    void fixtures() throws InterruptedException {
        fx = new ParticipationFixtures(jdbc, port);
        // other test classes in this JVM entered from the same address (retry: a pooled connection may predate a restart)
        for (int attempt = 0; ; attempt++) {
            try {
                redis.del("kt:rl:client:127.0.0.1", "kt:rl:client:198.51.100.1", "kt:rl:client:198.51.100.2");
                break;
            } catch (redis.clients.jedis.exceptions.JedisException e) {
                if (attempt == 30) { // each failure discards one stale pooled connection
                    throw e;
                }
            }
        }
        Thread.sleep(200); // past the intake path's Redis backoff, should the failure above have been its connection
    }

    private ParticipationFixtures.Raw enter(long eventId) {
        return fx.enter(eventId, ParticipationFixtures.entry("김민수", ParticipationFixtures.uniquePhone(), "INSTAGRAM"), null);
    }

    @Test
    @Order(1)
    void perEventThenPerClientLimitsAnswer429WithRetryAfter() {
        var owner = fx.owner();
        long e = fx.event(owner, "ACTIVE");
        long f = fx.event(owner, "ACTIVE");
        long g = fx.event(owner, "ACTIVE");
        for (int i = 0; i < 5; i++) {
            assertThat(enter(e).status()).isEqualTo(201);
        }
        var eventLimited = enter(e); // client count 6
        assertThat(eventLimited.status()).isEqualTo(429);
        assertThat(eventLimited.json().get("limit").asString()).isEqualTo("event");
        assertThat(eventLimited.header("Content-Type")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(eventLimited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 600L);

        for (int i = 0; i < 5; i++) { // client count 7..11
            assertThat(enter(f).status()).isEqualTo(201);
        }
        assertThat(enter(g).status()).isEqualTo(201); // client count 12
        var clientLimited = enter(g);
        assertThat(clientLimited.status()).isEqualTo(429);
        assertThat(clientLimited.json().get("limit").asString()).isEqualTo("client");
        assertThat(Long.parseLong(clientLimited.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id in (?, ?, ?)", Long.class, e, f, g))
                .isEqualTo(11);
    }

    @Test
    @Order(2) // its per-instance counters would otherwise count against the other test's client budget
    void withoutRedisTheLimitsFallBackToThisInstance() throws Exception {
        long e = fx.event(fx.owner(), "ACTIVE");
        RealServers.stopRedis();
        try {
            int created = 0;
            int limited = 0;
            String retryAfter = null;
            for (int i = 0; i < 8; i++) {
                var r = enter(e);
                if (r.status() == 201) {
                    created++;
                } else if (r.status() == 429) {
                    limited++;
                    retryAfter = r.header("Retry-After");
                }
            }
            assertThat(created).isEqualTo(5);
            assertThat(limited).isEqualTo(3);
            assertThat(retryAfter).isNotNull();
        } finally {
            RealServers.startRedis();
        }
    }

    /** Behind the ingress every customer arrives from its address: each must still get a budget of his own. */
    @Test
    @Order(3)
    void behindATrustedProxyEachForwardedCustomerHasHisOwnBudgetAndCannotSpoofAnother() {
        var owner = fx.owner();
        long[] events = {fx.event(owner, "ACTIVE"), fx.event(owner, "ACTIVE"), fx.event(owner, "ACTIVE")};
        for (int i = 0; i < 12; i++) {
            assertThat(enterVia(events[i / 5], "198.51.100.1").status()).isEqualTo(201);
        }
        var limited = enterVia(events[2], "198.51.100.1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("limit").asString()).isEqualTo("client");
        // a spoofed leftmost hop does not buy a new budget: the proxy-appended address counts
        assertThat(enterVia(events[2], "203.0.113.66, 198.51.100.1").status()).isEqualTo(429);
        assertThat(enterVia(events[2], "198.51.100.2").status()).isEqualTo(201);
    }

    /** The entry page is the same intake: its form posts count the forwarded customer, not the ingress. */
    @Test
    @Order(4)
    void theEntryPageCountsTheForwardedCustomerToo() throws Exception {
        var owner = fx.owner();
        long[] events = {fx.event(owner, "ACTIVE"), fx.event(owner, "ACTIVE"), fx.event(owner, "ACTIVE")};
        for (int i = 0; i < 12; i++) {
            assertThat(postPage(events[i / 5], "198.51.100.7").statusCode()).isEqualTo(200);
        }
        var limited = postPage(events[2], "198.51.100.7");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("참여 요청이 많습니다");
        assertThat(postPage(events[2], "198.51.100.8").statusCode()).as("another customer behind the same ingress")
                .isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> postPage(long eventId, String forwardedFor) throws Exception {
        String phone = ParticipationFixtures.uniquePhone();
        String form = "via=INSTAGRAM&key=" + java.util.UUID.randomUUID() + "&name=%EA%B9%80%EB%AF%BC%EC%88%98&phone="
                + phone + "&consent=yes";
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/e/" + eventId))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forwardedFor)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private ParticipationFixtures.Raw enterVia(long eventId, String forwardedFor) {
        return fx.enterVia(eventId, ParticipationFixtures.entry("김민수", ParticipationFixtures.uniquePhone(), "INSTAGRAM"), null, forwardedFor);
    }
}
