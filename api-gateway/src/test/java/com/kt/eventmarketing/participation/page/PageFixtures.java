package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.content.blob.BlobStore;
import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.TestEvents;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Events in each state the customer's page shows, and plain HTTP against the page (what a browser without JS sends). */
final class PageFixtures {
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 10_000_000));

    final JdbcTemplate jdbc;
    final ApiClient api;
    final TestEvents events;
    final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlobStore blobs;

    PageFixtures(JdbcTemplate jdbc, BlobStore blobs, int port) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.api = new ApiClient(port);
        this.events = new TestEvents(jdbc, api);
        this.base = "http://127.0.0.1:" + port;
    }

    /** ACTIVE from an hour ago to a day from now, on INSTAGRAM and KAKAO_CHANNEL, with a poster. */
    long active(TestEvents.Owner owner) {
        return withPoster(events.event(owner, "ACTIVE", 100, 150.0));
    }

    long withPeriod(TestEvents.Owner owner, String status, Instant start, Instant end) {
        long id = withPoster(events.event(owner, status, 100, 150.0));
        jdbc.update("update events set start_at = ?, end_at = ? where id = ?", Timestamp.from(start), Timestamp.from(end), id);
        return id;
    }

    /** A plain square picture in the image store (the real posters are the content module's business). */
    private long withPoster(long eventId) {
        String imageId = "page-test-" + eventId;
        BufferedImage image = new BufferedImage(540, 540, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xFFF8E1), 0, 540, new Color(0xFF8A65)));
        g.fillRect(0, 0, 540, 540);
        g.dispose();
        var png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        blobs.write(imageId, png.toByteArray());
        // the stored URL is absolute and may name another host: the page must show it by its path
        jdbc.update("update events set image_url = ? where id = ?", "https://public.example/api/v1/images/" + imageId + ".png", eventId);
        return eventId;
    }

    static String uniquePhone() {
        int n = PHONES.incrementAndGet();
        return String.format("010-%04d-%04d", (n / 10_000) % 10_000, n % 10_000);
    }

    String entryPath(long eventId, long entryNumber) {
        return jdbc.queryForObject("select entry_path from participants where event_id = ? and entry_number = ?",
                String.class, eventId, entryNumber);
    }

    long participants(long eventId) {
        return jdbc.queryForObject("select count(*) from participants where event_id = ?", Long.class, eventId);
    }

    record Page(int status, String body, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    /** The entry form as a browser posts it. */
    Page post(long eventId, Map<String, String> form) {
        return post(eventId, "", form);
    }

    /** The entry form posted to {@code /e/{id}<suffix>} (e.g. "/verification", the "인증번호 받기" button). */
    Page post(long eventId, String suffix, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + "/e/" + eventId + suffix)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Map<String, String> form(String name, String phone, boolean consent, String via, String key) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("phone", phone);
        if (consent) {
            form.put("consent", "yes");
        }
        form.put("via", via);
        form.put("key", key);
        return form;
    }

    Page send(HttpRequest.Builder request) {
        try {
            return toPage(http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Page toPage(HttpResponse<String> response) {
        return new Page(response.statusCode(), response.body(), response);
    }
}
