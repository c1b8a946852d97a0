package com.kt.eventmarketing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** The REST API over loopback with JSON bodies; a failed connection is status -1, never an exception. */
public final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Longer than any bound the gateway puts on its own answers (an Update waits up to 30 s for the workflow), so a
     * slow answer is seen for what it is instead of racing the client's timeout.
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(45);
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 100_000));

    private final HttpClient http;
    private final String base;

    public Api(String base) {
        this(base, null);
    }

    public Api(String base, Executor executor) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1);
        if (executor != null) {
            b.executor(executor);
        }
        this.http = b.build();
        this.base = base;
    }

    public String base() {
        return base;
    }

    public record Response(int status, String body, Map<String, String> headers) {
        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).POST(body(body)));
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).PUT(body(body)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response postRaw(String path, String json, String idempotencyKey, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), v.isEmpty() ? "" : v.get(0)));
            return new Response(r.statusCode(), r.body(), headers);
        } catch (IOException e) {
            return new Response(-1, e.toString(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted", Map.of());
        }
    }

    /** Registers a fresh owner (unique email and phone) and returns its access token. */
    public String registerOwner() {
        int n = SEQ.incrementAndGet();
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("name", "벤치 치킨 " + n);
        store.put("businessType", "음식점");
        store.put("address", "서울특별시 강남구 테헤란로 " + n);
        store.put("businessHours", "11:00-22:00");
        store.put("businessNumber", "220-81-62517");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "김사장");
        body.put("phone", String.format("010-%04d-%04d", 9000 + n / 10_000 % 1000, n % 10_000));
        body.put("email", "bench" + n + "-" + System.nanoTime() % 1_000_000 + "@example.com");
        body.put("password", "chicken#2026");
        body.put("store", store);
        for (int attempt = 0; attempt < 30; attempt++) {
            Response r = post("/api/v1/users/register", null, body);
            if (r.status() == 201) {
                return r.json().path("accessToken").asText();
            }
            Bench.sleep(1000);
        }
        throw new IllegalStateException("registration failed");
    }
}
