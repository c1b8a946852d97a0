package com.kt.eventmarketing.events;

import com.kt.eventmarketing.gateway.ApiClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Predicate;

/** Follows an event through its workflow by polling its detail, as the owner's console does. */
public final class EventProgress {
    private EventProgress() {
    }

    /** The first detail that meets {@code condition}; fails at once when the event FAILED, else after {@code timeout}. */
    public static JsonNode await(ApiClient api, String token, long eventId, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            var response = api.get("/api/v1/events/" + eventId, token);
            if (response.status() != 200) {
                throw new AssertionError("GET /api/v1/events/" + eventId + " answered " + response.status() + ": " + response.body());
            }
            last = response.json();
            if (condition.test(last)) {
                return last;
            }
            if ("FAILED".equals(last.get("step").asString())) {
                throw new AssertionError("the event failed: " + last);
            }
            pause(Duration.ofMillis(200));
        }
        throw new AssertionError("condition not reached in " + timeout + "; last detail " + last);
    }

    public static JsonNode await(ApiClient api, String token, long eventId, Predicate<JsonNode> condition) {
        return await(api, token, eventId, condition, Duration.ofSeconds(90));
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
