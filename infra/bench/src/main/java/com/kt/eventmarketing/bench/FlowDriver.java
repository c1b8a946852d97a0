package com.kt.eventmarketing.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one event through the owner's steps over REST, as a state machine on {@code GET /api/v1/events/{id}}:
 * whatever step the workflow is at, do that step's action; errors (a killed gateway, a restarting Temporal, a 409
 * because the step already moved on) are simply retried on the next poll. So the same driver works for the clean
 * benchmark and under every fault.
 */
public final class FlowDriver {
    public static final List<String> ALL_CHANNELS = List.of("URIDONGNETV", "RINGOBIZ", "GINITV", "INSTAGRAM", "NAVER_BLOG", "KAKAO_CHANNEL");

    /** {@code steps}: seconds spent in each step as seen by polling (the owner's actions count toward the step they end). */
    public record Outcome(long eventId, String step, boolean reached, double seconds, int retriedChannels, String error,
                          Map<String, Double> steps) {
        public Outcome(long eventId, String step, boolean reached, double seconds, int retriedChannels, String error) {
            this(eventId, step, reached, seconds, retriedChannels, error, Map.of());
        }
    }

    private final Api api;
    private final String token;
    private final List<String> channels;
    private final long pollMillis;
    private boolean retryFailedChannels;

    public FlowDriver(Api api, String token, List<String> channels, long pollMillis) {
        this.api = api;
        this.token = token;
        this.channels = channels;
        this.pollMillis = pollMillis;
    }

    /** After ACTIVE, ask for a retry of every FAILED channel (the owner's REST retry) until all are PUBLISHED. */
    public FlowDriver retryingFailedChannels() {
        this.retryFailedChannels = true;
        return this;
    }

    /** POST /api/v1/events until a 202 (retrying while the gateway is unreachable); -1 after the deadline. */
    public long create(String objective, long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            Api.Response r = api.post("/api/v1/events", token, Map.of("objective", objective));
            if (r.status() == 202) {
                return r.json().path("eventId").asLong();
            }
            Bench.sleep(pollMillis);
        }
        return -1;
    }

    /** Drives until the event reaches {@code target} (ACTIVE or READY_TO_PUBLISH) or fails or the deadline passes. */
    public Outcome drive(long eventId, String target, long deadlineNanos) {
        long start = System.nanoTime();
        String step = "?";
        String lastError = null;
        int retried = 0;
        Map<String, Double> steps = new LinkedHashMap<>();
        String current = null;
        long enteredAt = start;
        while (System.nanoTime() < deadlineNanos) {
            Api.Response detail = api.get("/api/v1/events/" + eventId, token);
            if (detail.status() != 200) {
                lastError = "GET detail " + detail.status();
                Bench.sleep(pollMillis);
                continue;
            }
            step = detail.json().path("step").asText("?");
            if (!step.equals(current)) {
                long now = System.nanoTime();
                if (current != null) {
                    steps.merge(current, (now - enteredAt) / 1e9, Double::sum);
                }
                current = step;
                enteredAt = now;
            }
            if (step.equals(target) && !(retryFailedChannels && step.equals("ACTIVE"))) {
                return new Outcome(eventId, step, true, secondsSince(start), retried, null, steps);
            }
            Api.Response action = null;
            switch (step) {
                case "SELECT_RECOMMENDATION" -> action = api.put("/api/v1/events/" + eventId + "/recommendation", token,
                        Map.of("index", 0, "title", "주말 치킨 대잔치"));
                case "EDIT_CONTENT" -> {
                    JsonNode images = api.get("/api/v1/events/" + eventId + "/images", token).json().path("images");
                    if (images.size() > 0) {
                        action = api.put("/api/v1/events/" + eventId + "/content", token, content(images.get(0).path("imageId").asText()));
                    }
                }
                case "SELECT_CHANNELS" -> action = api.put("/api/v1/events/" + eventId + "/channels", token, channelsBody());
                case "READY_TO_PUBLISH" -> action = api.post("/api/v1/events/" + eventId + "/publish", token, null);
                case "ACTIVE" -> {
                    // only reached with retryFailedChannels: done when every channel is PUBLISHED
                    JsonNode dist = api.get("/api/v1/events/" + eventId + "/distribution", token).json().path("channels");
                    List<String> failed = new ArrayList<>();
                    boolean allPublished = dist.size() == channels.size();
                    for (JsonNode c : dist) {
                        String status = c.path("status").asText();
                        if (status.equals("FAILED")) {
                            failed.add(c.path("channel").asText());
                        }
                        allPublished &= status.equals("PUBLISHED");
                    }
                    if (allPublished) {
                        return new Outcome(eventId, step, true, secondsSince(start), retried, null);
                    }
                    for (String channel : failed) {
                        Api.Response r = api.post("/api/v1/events/" + eventId + "/distribution/" + channel + "/retry", token, null);
                        if (r.ok()) {
                            retried++;
                        }
                    }
                    Bench.sleep(Math.max(pollMillis, 1000));
                }
                case "FAILED", "CANCELLED", "EXPIRED", "ENDED" -> {
                    return new Outcome(eventId, step, false, secondsSince(start), retried, detail.json().path("failureReason").asText(null));
                }
                default -> {
                    // ANALYZING_TRENDS, GENERATING_IMAGES, DISTRIBUTING, SCHEDULED: the workflow is busy
                }
            }
            if (action != null && !action.ok()) {
                lastError = step + " -> " + action.status();
            }
            Bench.sleep(pollMillis);
        }
        return new Outcome(eventId, step, false, secondsSince(start), retried, "deadline; last error " + lastError);
    }

    private Map<String, Object> channelsBody() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String c : channels) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", c);
            if (c.equals("URIDONGNETV")) {
                m.put("settings", Map.of("radiusMeters", "700"));
            }
            list.add(m);
        }
        Instant start = Instant.now().minusSeconds(5); // ACTIVE right after distribution
        return Map.of("channels", list, "startAt", start.toString(), "endAt", start.plusSeconds(7 * 86_400).toString());
    }

    private static Map<String, Object> content(String imageId) {
        return Map.of("imageId", imageId, "title", "주말 치킨 대잔치", "prize", "후라이드 1마리", "guide", "매장 QR로 참여하세요",
                "colors", Map.of("background", "#FFF8E1", "text", "#212121", "accent", "#FF5722"));
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
