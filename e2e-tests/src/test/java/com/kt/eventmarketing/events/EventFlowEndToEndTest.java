package com.kt.eventmarketing.events;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.ApiGatewayApplication;
import com.kt.eventmarketing.gateway.Owners;
import com.kt.eventmarketing.gateway.WorkersAndSandbox;
import com.kt.eventmarketing.testsupport.WithRealServers;
import com.kt.eventmarketing.testsupport.browser.Accessibility;
import com.kt.eventmarketing.testsupport.browser.Browser;
import com.kt.eventmarketing.testsupport.qr.QrDecoding;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.JedisPooled;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole owner flow over REST: register → create → select → content → channels → publish → ACTIVE, with
 * api-gateway, a worker process polling every task queue and the external-API sandbox all running on the real
 * servers (PostgreSQL, Redis, Kafka, Temporal).
 */
@WithRealServers
@ExtendWith(WorkersAndSandbox.class)
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class EventFlowEndToEndTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JedisPooled redis;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void ownerDrivesAnEventToActiveAndACustomerEntersByThePostersQrCode() throws Exception {
        String token = Owners.registerAndToken(api);
        var created = api.post("/api/v1/events", token, Map.of("objective", "NEW_CUSTOMERS"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long eventId = created.json().get("eventId").asLong();
        assertThat(created.location()).isEqualTo("/api/v1/events/" + eventId);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");

        EventProgress.await(api, token, eventId, d -> d.get("step").asString().equals("SELECT_RECOMMENDATION"));
        JsonNode plan = api.get("/api/v1/events/" + eventId + "/recommendations", token).json();
        assertThat(plan.get("recommendations").size()).isEqualTo(3);
        assertThat(plan.get("trends").get("topPrizes").size()).isGreaterThan(0);

        var badIndex = api.put("/api/v1/events/" + eventId + "/recommendation", token, Map.of("index", 5));
        assertThat(badIndex.status()).isEqualTo(400);
        assertThat(badIndex.json().get("errors").get(0).get("field").asString()).isEqualTo("index");
        var tooEarly = api.put("/api/v1/events/" + eventId + "/content", token, content("whatever"));
        assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(409);

        redis.flushAll(); // Redis is a cache and fast path: flushing it at any step loses nothing
        var selected = api.put("/api/v1/events/" + eventId + "/recommendation", token,
                Map.of("index", 1, "title", "주말 치킨 대잔치"));
        assertThat(selected.status()).as(selected.body()).isEqualTo(200);
        assertThat(selected.json().get("title").asString()).isEqualTo("주말 치킨 대잔치");

        EventProgress.await(api, token, eventId, d -> d.get("step").asString().equals("EDIT_CONTENT"));
        JsonNode images = api.get("/api/v1/events/" + eventId + "/images", token).json().get("images");
        assertThat(images.size()).as("one square preview per style").isEqualTo(3);
        JsonNode fancy = images.get(1);
        assertThat(fancy.get("style").asString()).isEqualTo("FANCY");
        assertThat(png(fancy.get("url").asString())).extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                .containsExactly(1080, 1080);

        // the edit re-draws the picked preview under a new id; GET /images shows it, the old id is still served
        var edited = api.put("/api/v1/events/" + eventId + "/content", token, content(fancy.get("imageId").asString()));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        String redrawnId = edited.json().get("imageId").asString();
        assertThat(redrawnId).isNotEqualTo(fancy.get("imageId").asString());
        JsonNode shown = api.get("/api/v1/events/" + eventId + "/images", token).json();
        assertThat(shown.get("selectedImageId").asString()).isEqualTo(redrawnId);
        assertThat(shown.get("images").get(1).get("imageId").asString()).isEqualTo(redrawnId);
        assertThat(png(shown.get("images").get(1).get("url").asString()).getWidth()).isEqualTo(1080);
        assertThat(png(fancy.get("url").asString())).as("the old id keeps working").isNotNull();
        EventProgress.await(api, token, eventId, d -> d.get("step").asString().equals("SELECT_CHANNELS"));

        Instant startAt = Instant.now().plusSeconds(4);
        var channels = api.put("/api/v1/events/" + eventId + "/channels", token, Map.of(
                "channels", List.of(Map.of("type", "INSTAGRAM"), Map.of("type", "NAVER_BLOG"),
                        Map.of("type", "URIDONGNETV", "settings", Map.of("radiusMeters", "700"))),
                "startAt", startAt.toString(), "endAt", startAt.plus(Duration.ofDays(7)).toString(),
                "autoDraw", Map.of("winnerCount", 3, "algorithm", "WEIGHTED")));
        assertThat(channels.status()).as(channels.body()).isEqualTo(200);

        redis.flushAll();
        var published = api.post("/api/v1/events/" + eventId + "/publish", token, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("APPROVED");

        JsonNode active = EventProgress.await(api, token, eventId, d -> d.get("status").asString().equals("ACTIVE"));
        assertThat(active.get("step").asString()).isEqualTo("ACTIVE");
        JsonNode distribution = api.get("/api/v1/events/" + eventId + "/distribution", token).json().get("channels");
        assertThat(distribution.size()).isEqualTo(3);
        distribution.forEach(c -> assertThat(c.get("status").asString()).as(c.toString()).isEqualTo("PUBLISHED"));

        // each chosen channel got its own poster in its size, with the owner's words; nothing for the others
        Map<String, int[]> sizes = Map.of("INSTAGRAM", new int[]{1080, 1080}, "NAVER_BLOG", new int[]{800, 600},
                "URIDONGNETV", new int[]{1920, 1080});
        for (JsonNode c : distribution) {
            BufferedImage poster = png(c.get("imageUrl").asString());
            assertThat(new int[]{poster.getWidth(), poster.getHeight()}).as(c.toString())
                    .containsExactly(sizes.get(c.get("channel").asString()));
        }
        try (var stored = Files.list(Path.of(System.getProperty("kt.blob.dir")))) {
            assertThat(stored.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("e" + eventId + "-"))
                    .filter(f -> f.matches("e\\d+-(instagram|naver-blog|uridongnetv|ginitv|kakao-channel|ringobiz)-.*")))
                    .as("channel posters drawn").hasSize(3)
                    .noneMatch(f -> f.contains("ginitv") || f.contains("kakao") || f.contains("ringobiz"));
        }
        String instagramPosts = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(WorkersAndSandbox.sandboxUrl()
                + "/admin/posts/instagram")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(instagramPosts).contains("/e/" + eventId + "?via=INSTAGRAM");

        // The database trails the workflow: row ACTIVE, channel rows PUBLISHED, both Kafka messages relayed.
        assertThat(jdbc.queryForObject("select status from events where id = ?", String.class, eventId)).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForList("select status from event_channels where event_id = ?", String.class, eventId))
                .containsOnly("PUBLISHED").hasSize(3);
        awaitTrue(() -> jdbc.queryForObject("select count(*) from outbox where message_key = ? and published_at is not null",
                Integer.class, Long.toString(eventId)) == 2);

        // At the start the workflow fixed the draw's seed commitment (a core activity in the workers).
        awaitTrue(() -> jdbc.queryForObject("select count(*) from draws where event_id = ? and commitment is not null",
                Integer.class, eventId) == 1);

        // Each channel got exactly one post (the sandbox records every request with its idempotency key).
        for (String channel : List.of("INSTAGRAM", "NAVER_BLOG", "URIDONGNETV")) {
            String log = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(WorkersAndSandbox.sandboxUrl()
                    + "/admin/requests?idempotencyKey=event-" + eventId + "-" + channel)).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(log).as(channel).contains("event-" + eventId + "-" + channel);
        }

        // Another owner sees nothing of it.
        String other = Owners.registerAndToken(api);
        assertThat(api.get("/api/v1/events/" + eventId, other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events/" + eventId + "/distribution", other).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/events/" + eventId, other).status()).isEqualTo(404);

        JsonNode dashboard = api.get("/api/v1/events/dashboard", token).json();
        assertThat(dashboard.get("active").get(0).get("eventId").asLong()).isEqualTo(eventId);
        JsonNode list = api.get("/api/v1/events?status=ACTIVE&keyword=대잔치&page=0&size=10", token).json();
        assertThat(list.get("totalElements").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/events?size=500", token).status()).isEqualTo(400);

        String instagramPoster = null;
        for (JsonNode c : distribution) {
            if (c.get("channel").asString().equals("INSTAGRAM")) {
                instagramPoster = c.get("imageUrl").asString();
            }
        }
        aCustomerScansThePosterAndEnters(token, eventId, instagramPoster);
    }

    /**
     * The customer's path: the QR code read from the pixels of the published poster opens the entry page on a phone,
     * the entry gets its number, the same phone again gets the 409 text, and the owner's list shows a store visit.
     */
    private void aCustomerScansThePosterAndEnters(String token, long eventId, String posterUrl) throws Exception {
        String scanned = QrDecoding.decode(png(posterUrl));
        assertThat(scanned).isEqualTo("http://127.0.0.1:" + port + "/e/" + eventId + "?via=STORE_VISIT");
        String phone = String.format("010-%04d-%04d", eventId % 10_000, System.nanoTime() % 10_000);
        String entryNumber;
        try (Browser browser = Browser.open(Browser.PHONE)) {
            var page = browser.driver();
            page.get(scanned);
            browser.screenshot("e2e-1-entry-page-from-qr");
            Accessibility.assertNoSeriousViolations(page, "the entry page opened from the poster's QR code");
            enter(page, phone);
            entryNumber = new WebDriverWait(page, Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.id("entry-number")).stream().findFirst().map(e -> e.getText()).orElse(null));
            browser.screenshot("e2e-2-entered");
            page.get(scanned);
            enter(page, phone);
            String refused = new WebDriverWait(page, Duration.ofSeconds(30)).until(d -> d.findElements(By.id("phone-error"))
                    .stream().map(e -> e.getText()).filter(t -> !t.isBlank()).findFirst().orElse(null));
            assertThat(refused).contains("이미 참여하신 이벤트입니다");
            browser.screenshot("e2e-3-entered-again");
        }
        JsonNode entrants = api.get("/api/v1/events/" + eventId + "/participants?size=10", token).json();
        assertThat(entrants.get("totalElements").asLong()).isEqualTo(1);
        assertThat(entrants.get("content").get(0).get("entryNumber").asString()).isEqualTo(entryNumber);
        assertThat(entrants.get("content").get(0).get("entryPath").asString()).isEqualTo("STORE_VISIT");
    }

    /** Fills the form and submits it, then waits until the answer page has replaced it. */
    private static void enter(WebDriver page, String phone) {
        page.findElement(By.id("name")).sendKeys("김민수");
        page.findElement(By.id("phone")).sendKeys(phone);
        page.findElement(By.id("consent")).click();
        var submit = page.findElement(By.id("entry-submit"));
        submit.click();
        new WebDriverWait(page, Duration.ofSeconds(30)).until(Browser.replaced(submit));
    }

    @Test
    void ownerCancelsWhilePlanning() {
        String token = Owners.registerAndToken(api);
        long eventId = api.post("/api/v1/events", token, Map.of("objective", "REVISIT")).json().get("eventId").asLong();
        EventProgress.await(api, token, eventId, d -> d.get("step").asString().equals("SELECT_RECOMMENDATION"));
        var cancelled = api.delete("/api/v1/events/" + eventId, token);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        awaitTrue(() -> "CANCELLED".equals(jdbc.queryForObject("select status from events where id = ?", String.class, eventId)));
        assertThat(api.delete("/api/v1/events/" + eventId, token).status()).isEqualTo(409);
    }

    @Test
    void badObjectiveIsA400() {
        String token = Owners.registerAndToken(api);
        var response = api.post("/api/v1/events", token, Map.of("objective", "WORLD_DOMINATION"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("objective");
        assertThat(api.post("/api/v1/events", null, Map.of("objective", "SALES")).status()).isEqualTo(401);
    }

    private static BufferedImage png(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private static Map<String, Object> content(String imageId) {
        return Map.of("imageId", imageId, "title", "주말 치킨 대잔치", "prize", "후라이드 1마리", "guide", "매장 방문 후 QR로 참여하세요",
                "colors", Map.of("background", "#FFF8E1", "text", "#212121", "accent", "#FF5722"));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            EventProgress.pause(Duration.ofMillis(200));
        }
        throw new AssertionError("condition not reached in 30 s");
    }
}
