package com.kt.eventmarketing.gateway.openapi;

import com.kt.eventmarketing.gateway.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The values {@link OpenApiFuzzTest} sends: each drawn from the edges of what a field, parameter or header holds. */
final class FuzzValues {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483646", "2147483647", "2147483648",
            "9223372036854775807", "99999999999999999999", "1e3", "0x10", "NaN", "", " ", "abc", "%00", "10", "100", "101");
    private static final List<String> STRINGS = List.of("", " ", "a", "김", "'; drop table events;--", "<script>",
            "%", "\u0000", "INSTAGRAM", "NOT_A_VALUE", "ACTIVE", "STORE_VISIT", "x".repeat(5000), "🎉", "..%2f..%2f");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed", "text/plain",
            "application/x-www-form-urlencoded", "application/json; charset=bogus", "garbage/", ";;", "application/xml",
            "application/json; boundary", "*/*");
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/html", "application/xml",
            "garbage", "image/png", "application/problem+json", "text/event-stream", "application/json;q=abc");
    private static final List<Object> ODD_JSON = List.of(JSON.nullNode(), -1, 0, 2147483648L, 1.5e308, true, "",
            "x".repeat(2000), List.of(), List.of(1, "a"), Map.of(), Map.of("nested", Map.of("deeper", List.of())));

    private final Random random;
    private final String eventId;
    private final String token;
    private String lastBody;

    FuzzValues(Random random, String eventId, String token) {
        this.random = random;
        this.eventId = eventId;
        this.token = token;
    }

    String lastBody() {
        return lastBody;
    }

    HttpRequest request(int port, OpenApiFuzzTest.Operation operation) {
        String path = operation.path();
        List<String> query = new ArrayList<>();
        JsonNode parameters = operation.spec().get("parameters");
        if (parameters != null) {
            for (JsonNode parameter : parameters) {
                String name = parameter.get("name").asString();
                String value = parameterValue(parameter);
                switch (parameter.get("in").asString()) {
                    case "path" -> path = path.replace("{" + name + "}", encode(value.isEmpty() ? "0" : value));
                    case "query" -> {
                        if (random.nextInt(4) > 0) {
                            query.add(encode(name) + "=" + encode(value));
                        }
                    }
                    default -> { }
                }
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(OpenApiFuzzTest.uri(port, path
                + (query.isEmpty() ? "" : "?" + String.join("&", query)))).timeout(Duration.ofSeconds(15));
        lastBody = operation.spec().has("requestBody") || random.nextInt(5) == 0 ? body(operation.spec()) : null;
        builder.header("Content-Type", pick(CONTENT_TYPES)).header("Accept", pick(ACCEPTS));
        switch (random.nextInt(6)) {
            case 0 -> { }
            case 1 -> builder.header("Authorization", "Bearer not.a.token");
            case 2 -> builder.header("Authorization", "Basic " + "a".repeat(random.nextInt(40)));
            default -> builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher publisher = lastBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(lastBody);
        return builder.method(operation.method(), publisher).build();
    }

    private String parameterValue(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        if (schema.has("enum") && random.nextBoolean()) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).asString();
        }
        if ("id".equals(parameter.get("name").asString()) && random.nextBoolean()) {
            return eventId;
        }
        String type = schema.path("type").asString("");
        return type.equals("integer") || type.equals("number") ? pick(NUMBERS) : random.nextBoolean() ? pick(STRINGS) : pick(NUMBERS);
    }

    /** The documented example with one field replaced, or no JSON at all. */
    private String body(JsonNode spec) {
        JsonNode example = spec.path("requestBody").path("content").path("application/json").path("example");
        switch (random.nextInt(8)) {
            case 0:
                return pick(List.of("", "{", "[]", "null", "\"text\"", "{\"a\":}", "{}", "[".repeat(3000)));
            case 1:
                return ApiClient.json(pick(ODD_JSON));
            default:
                if (!(example instanceof ObjectNode object)) {
                    return "{}";
                }
                ObjectNode copy = object.deepCopy();
                List<String> fields = new ArrayList<>(copy.propertyNames());
                if (!fields.isEmpty()) {
                    String field = fields.get(random.nextInt(fields.size()));
                    if (random.nextInt(4) == 0) {
                        copy.remove(field);
                    } else {
                        copy.set(field, JSON.valueToTree(pick(ODD_JSON)));
                    }
                }
                return copy.toString();
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
