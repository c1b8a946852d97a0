package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.shared.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One analytics input, parsed and validated from the outbox envelope {@code {messageId, topic, eventId, occurredAt,
 * data}}. Anything that does not parse is a {@link PoisonMessageException}.
 */
public sealed interface AnalyticsMessage {
    UUID messageId();

    String topic();

    long eventId();

    record EventCreated(UUID messageId, long eventId, Long ownerId, Long storeId, String objective, String title,
                        Integer expectedParticipants, Long estimatedCost, Double expectedRoi, List<String> channels,
                        Instant startAt, Instant endAt) implements AnalyticsMessage {
        public String topic() {
            return Topics.EVENT_CREATED;
        }
    }

    record ParticipantRegistered(UUID messageId, long eventId, long entryNumber, String entryPath, Instant registeredAt)
            implements AnalyticsMessage {
        public String topic() {
            return Topics.PARTICIPANT_REGISTERED;
        }
    }

    record ChannelState(String channel, String status, String externalId, String postUrl) {
    }

    record DistributionCompleted(UUID messageId, long eventId, int round, List<ChannelState> channels)
            implements AnalyticsMessage {
        public String topic() {
            return Topics.DISTRIBUTION_COMPLETED;
        }
    }

    /**
     * @param headerMessageId the {@code message-id} header, used when the body lacks one (and checked when both exist)
     */
    static AnalyticsMessage parse(JsonMapper json, String topic, String value, String headerMessageId) {
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("empty message on " + topic);
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JacksonException e) {
            throw new PoisonMessageException("not JSON on " + topic, e);
        }
        if (root == null || !root.isObject()) {
            throw new PoisonMessageException("not a JSON object on " + topic);
        }
        UUID messageId = uuid(text(root, "messageId"), headerMessageId);
        long eventId = positiveLong(root.get("eventId"), "eventId");
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new PoisonMessageException("message " + messageId + " has no data object");
        }
        if (data.has("eventId") && !data.get("eventId").isNull() && data.get("eventId").asLong() != eventId) {
            throw new PoisonMessageException("message " + messageId + ": data.eventId differs from eventId");
        }
        Instant occurredAt = instant(root.get("occurredAt"), "occurredAt", null);
        try {
            return switch (topic) {
                case Topics.EVENT_CREATED -> new EventCreated(messageId, eventId, optLong(data, "ownerId"),
                        optLong(data, "storeId"), text(data, "objective"), text(data, "title"),
                        data.hasNonNull("expectedParticipants") ? data.get("expectedParticipants").asInt() : null,
                        optLong(data, "estimatedCost"),
                        data.hasNonNull("expectedRoi") ? data.get("expectedRoi").asDouble() : null,
                        strings(data.get("channels")), instant(data.get("startAt"), "startAt", null),
                        instant(data.get("endAt"), "endAt", null));
                case Topics.PARTICIPANT_REGISTERED -> {
                    String path = text(data, "entryPath");
                    if (path == null || path.isBlank() || path.length() > 20) {
                        throw new PoisonMessageException("message " + messageId + ": entryPath missing or too long");
                    }
                    Instant at = instant(data.get("registeredAt"), "registeredAt", occurredAt);
                    if (at == null) {
                        throw new PoisonMessageException("message " + messageId + ": no registeredAt or occurredAt");
                    }
                    yield new ParticipantRegistered(messageId, eventId, positiveLong(data.get("entryNumber"), "entryNumber"),
                            path, at);
                }
                case Topics.DISTRIBUTION_COMPLETED -> {
                    List<ChannelState> channels = new ArrayList<>();
                    JsonNode array = data.get("channels");
                    if (array == null || !array.isArray()) {
                        throw new PoisonMessageException("message " + messageId + ": channels is not an array");
                    }
                    for (JsonNode c : array) {
                        String channel = text(c, "channel");
                        if (channel == null || channel.isBlank() || channel.length() > 20) {
                            throw new PoisonMessageException("message " + messageId + ": a channel has no name");
                        }
                        channels.add(new ChannelState(channel, text(c, "status"), text(c, "externalId"), text(c, "postUrl")));
                    }
                    yield new DistributionCompleted(messageId, eventId, data.path("round").asInt(0), channels);
                }
                default -> throw new PoisonMessageException("unexpected topic " + topic);
            };
        } catch (PoisonMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PoisonMessageException("message " + messageId + " on " + topic + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Long optLong(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asLong() : null;
    }

    private static long positiveLong(JsonNode node, String field) {
        if (node == null || !node.isIntegralNumber() || node.asLong() <= 0) {
            throw new PoisonMessageException(field + " missing or not a positive integer");
        }
        return node.asLong();
    }

    private static UUID uuid(String body, String header) {
        String value = body != null ? body : header;
        if (value == null) {
            throw new PoisonMessageException("message without messageId");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("messageId is not a UUID", e);
        }
    }

    /** ISO-8601 text, or a number of epoch seconds (with fraction) as Jackson writes with timestamps enabled. */
    private static Instant instant(JsonNode node, String field, Instant fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isNumber()) {
            java.math.BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).intValue());
        }
        String value = node.asString();
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException(field + " is not an ISO-8601 instant", e);
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        }
        return out;
    }
}
