package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.gateway.GatewayTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import redis.clients.jedis.JedisPooled;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Views of the customer's page: one per visitor per day, buffered in Redis, counted in PostgreSQL. */
@GatewayTest
class PageViewsTest extends PageTestBase {
    @Autowired
    JedisPooled redis;
    @Autowired
    PageViewFlusher flusher;
    @Autowired
    MeterRegistry meters;
    long eventId;

    @BeforeEach
    void event() {
        eventId = fx.active(owner);
    }

    @Test
    void oneVisitorTwiceCountsOnceTwoCountTwoAndTheBatchReachesViewCountTheCardAndTheDashboard() {
        double countedBefore = meters.counter(PageViewStore.METRIC).count();
        HttpClient first = withCookies();
        HttpClient second = withCookies();
        view(first, "Mozilla/5.0 (iPhone)");
        view(first, "Mozilla/5.0 (iPhone)");
        view(second, "Mozilla/5.0 (Android 14)");

        assertThat(flushedViews()).isEqualTo(2);
        var card = fx.api.get("/api/v1/events/" + eventId + "/analytics", owner.token()).json()
                .get("cards").get("impressions");
        assertThat(card.get("pageViews").asLong()).isEqualTo(2);
        assertThat(card.get("views").asLong()).isEqualTo(2);
        var dashboard = fx.api.get("/api/v1/events/dashboard", owner.token()).json();
        assertThat(dashboard.get("active").get(0).get("viewCount").asLong()).isEqualTo(2);
        assertThat(meters.counter(PageViewStore.METRIC).count() - countedBefore).isGreaterThanOrEqualTo(2);
    }

    @Test
    void withoutCookiesTheAddressAndUserAgentAreTheVisitor() {
        HttpClient cookieless = HttpClient.newHttpClient();
        view(cookieless, "Mozilla/5.0 (Android 14)");
        view(cookieless, "Mozilla/5.0 (Android 14)");
        view(cookieless, "Mozilla/5.0 (iPhone)");
        assertThat(flushedViews()).isEqualTo(2);
    }

    @Test
    void aRedisThatForgotTodaysVisitorsDoesNotCountThemAgain() {
        HttpClient visitor = withCookies();
        HttpClient cookieless = HttpClient.newHttpClient();
        view(visitor, "Mozilla/5.0 (iPhone)");      // counted by address and agent; gets its cookie
        view(cookieless, "Mozilla/5.0 (Android 14)");
        assertThat(flushedViews()).isEqualTo(2);

        redis.del(PageViews.seenKey(eventId, LocalDate.now(EventPages.SEOUL))); // as after FLUSHALL or a restart
        view(visitor, "Mozilla/5.0 (iPhone)");      // now by its cookie
        view(cookieless, "Mozilla/5.0 (Android 14)");
        assertThat(flushedViews()).isEqualTo(2);
    }

    @Test
    void theVisitorCookieIsFirstPartyAndOnlyKeyedHashesAreStored() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(fx.base + "/e/" + eventId)).header("User-Agent", "Mozilla/5.0 (iPhone)").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(PageViews.COOKIE + "=").contains("Path=/e/", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Domain=");
        String id = cookie.substring(PageViews.COOKIE.length() + 1, cookie.indexOf(';'));
        flushedViews();
        List<String> stored = jdbc.queryForList("select visitor_hash from page_visits where event_id = ?", String.class, eventId);
        assertThat(stored).hasSize(2).allMatch(h -> h.matches("[0-9a-f]{64}"))
                .noneMatch(h -> h.contains(id) || h.contains("127.0.0.1") || h.contains("iPhone"));
    }

    @Test
    void unknownEventsAreNotCounted() {
        view(withCookies(), "Mozilla/5.0 (iPhone)", 999_999_999L);
        flusher.flush();
        assertThat(jdbc.queryForObject("select count(*) from page_visits where event_id = 999999999", Long.class)).isZero();
    }

    private static HttpClient withCookies() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private void view(HttpClient client, String userAgent) {
        view(client, userAgent, eventId);
    }

    private void view(HttpClient client, String userAgent, long id) {
        try {
            client.send(HttpRequest.newBuilder(URI.create(fx.base + "/e/" + id + "?via=INSTAGRAM"))
                    .header("User-Agent", userAgent).GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Flushes and reads {@code events.view_count}; a scheduled flush may hold part of the batch in its transaction
     * at that moment, so the count is read again until it stops changing.
     */
    private long flushedViews() {
        flusher.flush();
        long previous = -1;
        long current = viewCount();
        for (int i = 0; i < 20 && current != previous; i++) {
            sleep();
            flusher.flush();
            previous = current;
            current = viewCount();
        }
        return current;
    }

    private long viewCount() {
        return jdbc.queryForObject("select view_count from events where id = ?", Long.class, eventId);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
