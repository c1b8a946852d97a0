package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.gateway.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner analytics API over HTTP, fed by real entries through the outbox, Kafka and the consumers. */
@GatewayTest
class AnalyticsApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    AnalyticsStream streams;
    AnalyticsFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new AnalyticsFixtures(jdbc, port, kafka);
    }

    @Test
    void summaryChannelsTimelineAndDashboardFollowTheEntries() {
        var owner = fx.owner();
        long earlier = fx.activeEvent(owner, 10, 90.0);
        fx.enter(earlier, "INSTAGRAM");
        long eventId = fx.activeEvent(owner, 4, 150.0);
        var before = fx.api.get("/api/v1/events/dashboard", owner.token()); // fills the 1-minute cache
        assertThat(before.status()).isEqualTo(200);
        fx.enter(eventId, "INSTAGRAM");
        fx.enter(eventId, "INSTAGRAM");
        fx.enter(eventId, "STORE_VISIT");
        AnalyticsFixtures.await("3 projected", WAIT, () -> fx.projected(eventId) == 3 && fx.projected(earlier) == 1);

        JsonNode summary = fx.api.get("/api/v1/events/" + eventId + "/analytics", owner.token()).json();
        JsonNode cards = summary.get("cards");
        assertThat(cards.get("participants").get("count").asLong()).isEqualTo(3);
        assertThat(cards.get("participants").get("expected").asInt()).isEqualTo(4);
        assertThat(cards.get("participants").get("achievementRate").asDouble()).isEqualTo(75.0);
        assertThat(cards.get("impressions").get("total").asLong()).isZero();
        assertThat(cards.get("roi").get("expected").asDouble()).isEqualTo(150.0);
        assertThat(cards.get("roi").get("businessTypeAverage").isNull()).isFalse();
        assertThat(cards.get("roi").get("businessType").asString()).isEqualTo("음식점");
        assertThat(cards.get("salesGrowth").get("value").isNull()).isTrue();
        assertThat(cards.get("salesGrowth").get("reason").asString()).isNotBlank();
        JsonNode comparison = summary.get("comparison");
        assertThat(comparison.get("earlierEvents").asInt()).isEqualTo(1);
        assertThat(comparison.get("averageParticipants").asDouble()).isEqualTo(1.0);
        assertThat(comparison.get("participantsChange").asDouble()).isEqualTo(200.0);

        JsonNode channels = fx.api.get("/api/v1/events/" + eventId + "/analytics/channels", owner.token()).json();
        assertThat(channels.get("channels").size()).isEqualTo(2);
        JsonNode instagram = channels.get("channels").get(0);
        assertThat(instagram.get("channel").asString()).isEqualTo("INSTAGRAM");
        assertThat(instagram.get("participants").asLong()).isEqualTo(2);
        assertThat(instagram.get("distributionStatus").asString()).isEqualTo("PUBLISHED");
        assertThat(channels.get("entryPaths").get(0).get("entryPath").asString()).isEqualTo("INSTAGRAM");
        assertThat(channels.get("entryPaths").get(1).get("participants").asLong()).isEqualTo(1);

        JsonNode hourly = fx.api.get("/api/v1/events/" + eventId + "/analytics/timeline?granularity=hour", owner.token()).json();
        assertThat(hourly.get("zone").asString()).isEqualTo("Asia/Seoul");
        assertThat(hourly.get("buckets").get(0).get("start").asString()).endsWith("+09:00");
        long sum = 0;
        for (JsonNode b : hourly.get("buckets")) {
            sum += b.get("participants").asLong();
        }
        assertThat(sum).isEqualTo(3);
        assertThat(hourly.get("hourOfDay").size()).isEqualTo(24);
        JsonNode daily = fx.api.get("/api/v1/events/" + eventId + "/analytics/timeline?granularity=day", owner.token()).json();
        assertThat(daily.get("buckets").get(daily.get("buckets").size() - 1).get("participants").asLong()).isEqualTo(3);
        assertThat(fx.api.get("/api/v1/events/" + eventId + "/analytics/timeline?granularity=week", owner.token()).status()).isEqualTo(400);

        // the dashboard entry cached before the entries was evicted by the consumer
        AnalyticsFixtures.await("dashboard shows 3", WAIT, () -> {
            JsonNode active = fx.api.get("/api/v1/events/dashboard", owner.token()).json().get("active");
            for (JsonNode item : active) {
                if (item.get("eventId").asLong() == eventId) {
                    return item.get("participantCount").asLong() == 3;
                }
            }
            return false;
        });
    }

    @Test
    void anotherOwnerGets404Everywhere() throws Exception {
        var owner = fx.owner();
        var stranger = fx.owner();
        long eventId = fx.activeEvent(owner, 10, null);
        for (String path : new String[]{"", "/channels", "/timeline"}) {
            assertThat(fx.api.get("/api/v1/events/" + eventId + "/analytics" + path, stranger.token()).status())
                    .as(path).isEqualTo(404);
        }
        // the stream as an EventSource asks for it
        var stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + eventId + "/analytics/stream"))
                .header("Authorization", "Bearer " + stranger.token()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stream.statusCode()).isEqualTo(404);
        assertThat(fx.api.get("/api/v1/events/" + eventId + "/analytics", null).status()).isEqualTo(401);
    }

    @Test
    void theStreamPushesTheSummaryAfterANewEntry() throws Exception {
        var owner = fx.owner();
        long eventId = fx.activeEvent(owner, 10, null);
        BlockingQueue<JsonNode> summaries = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + eventId + "/analytics/stream"))
                        .header("Authorization", "Bearer " + owner.token()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        summaries.add(JSON.readTree(line.substring(5)));
                    }
                }
            } catch (Exception closed) {
                // the test is over
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode first = summaries.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.get("cards").get("participants").get("count").asLong()).isZero();

            fx.enter(eventId, "KAKAO_CHANNEL");
            JsonNode next = summaries.poll(20, TimeUnit.SECONDS);
            assertThat(next).as("a pushed summary").isNotNull();
            assertThat(next.get("cards").get("participants").get("count").asLong()).isEqualTo(1);
            assertThat(next.get("version").asLong()).isGreaterThan(first.get("version").asLong());
        } finally {
            response.body().close();
        }
    }
    /** Each stream holds a connection for its whole life: an owner gets a few at most, then 429 with Retry-After. */
    @Test
    void anOwnerHasAtMostFiveLiveStreamsThenA429() throws Exception {
        var owner = fx.owner();
        long eventId = fx.activeEvent(owner, 10, null);
        HttpClient http = HttpClient.newHttpClient();
        java.util.List<HttpResponse<InputStream>> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<InputStream> r = http.send(streamRequest(eventId, owner.token()), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).as("stream " + (i + 1)).isEqualTo(200);
                open.add(r);
            }
            HttpResponse<String> sixth = http.send(streamRequest(eventId, owner.token()), HttpResponse.BodyHandlers.ofString());
            assertThat(sixth.statusCode()).as(sixth.body()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
            assertThat(sixth.body()).contains("streams-per-owner");
            var other = fx.owner();
            long theirs = fx.activeEvent(other, 10, null);
            HttpResponse<InputStream> othersStream = http.send(streamRequest(theirs, other.token()),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(othersStream.statusCode()).as("another owner is not limited by the first").isEqualTo(200);
            open.add(othersStream);
        } finally {
            for (HttpResponse<InputStream> r : open) {
                r.body().close();
            }
        }
    }

    private HttpRequest streamRequest(long eventId, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + eventId + "/analytics/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
    }

    /** A stopping gateway ends its streams first, so the graceful shutdown does not wait its timeout for them. */
    @Test
    void stoppingTheGatewayEndsOpenStreams() throws Exception {
        var owner = fx.owner();
        long eventId = fx.activeEvent(owner, 10, null);
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + eventId + "/analytics/stream"))
                        .header("Authorization", "Bearer " + owner.token()).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CountDownLatch ended = new CountDownLatch(1);
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        data.add(line);
                    }
                }
                ended.countDown();
            } catch (Exception closed) {
                ended.countDown();
            }
        }, "sse-stop-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(data.poll(10, TimeUnit.SECONDS)).as("the first summary").isNotNull();
            streams.stop();
            assertThat(ended.await(5, TimeUnit.SECONDS)).as("the stream ended when the gateway stopped").isTrue();
        } finally {
            streams.start(); // the context is shared with the other tests
            response.body().close();
        }
    }
}
