package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.TestEvents;
import com.kt.eventmarketing.gateway.TestEvents.Owner;
import com.kt.eventmarketing.gateway.ApiClient;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test setup on the real database: an owner registered through the API, and an event row put straight into the
 * state the workflow would have brought it to (ACTIVE inside its period, with channels), so participation can be
 * tested without driving the whole creation workflow. Also a raw HTTP client for headers and bytes.
 */
final class ParticipationFixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 10_000_000));

    private final JdbcTemplate jdbc;
    private final ApiClient api;
    private final TestEvents events;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ParticipationFixtures(JdbcTemplate jdbc, int port) {
        this.jdbc = jdbc;
        this.api = new ApiClient(port);
        this.events = new TestEvents(jdbc, api);
        this.base = "http://127.0.0.1:" + port;
    }

    Owner owner() {
        return events.owner();
    }

    /** An event of the owner with the given status, running from an hour ago to a day from now, on two channels. */
    long event(Owner owner, String status) {
        return events.event(owner, status, null, null);
    }

    /** What the workflow's end timer does to the row (the gateway's event cache notices within its TTL). */
    void end(long eventId) {
        jdbc.update("update events set status = 'ENDED', step = 'ENDED', end_at = now() where id = ?", eventId);
    }

    static String uniquePhone() {
        int n = PHONES.incrementAndGet();
        return String.format("010-%04d-%04d", (n / 10_000) % 10_000, n % 10_000);
    }

    static Map<String, Object> entry(String name, String phone, String entryPath) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("entryPath", entryPath);
        body.put("consent", true);
        return body;
    }

    record Raw(int status, byte[] bytes, HttpResponse<byte[]> response) {
        String body() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(bytes);
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }

    Raw enter(long eventId, Object body, String idempotencyKey) {
        return enterVia(eventId, body, idempotencyKey, null);
    }

    /** As a proxy would forward it: {@code forwardedFor} is the X-Forwarded-For header (null: none). */
    Raw enterVia(long eventId, Object body, String idempotencyKey, String forwardedFor) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/public/events/" + eventId + "/participations"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return send(b);
    }

    Raw get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    Raw post(String path, String token, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private Raw send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
