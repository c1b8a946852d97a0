package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.gateway.TestEvents;
import com.kt.eventmarketing.gateway.TestEvents.Owner;
import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.shared.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Owners and events on the real database, raw analytics messages on the real broker, and bounded waits. */
final class AnalyticsFixtures {
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    final JdbcTemplate jdbc;
    final ApiClient api;
    private final TestEvents events;
    final KafkaTemplate<String, String> kafka;

    AnalyticsFixtures(JdbcTemplate jdbc, int port, KafkaTemplate<String, String> kafka) {
        this.jdbc = jdbc;
        this.api = new ApiClient(port);
        this.events = new TestEvents(jdbc, api);
        this.kafka = kafka;
    }

    Owner owner() {
        return events.owner();
    }

    /** An ACTIVE event inside its period on INSTAGRAM and KAKAO_CHANNEL, as the workflow would have left it. */
    long activeEvent(Owner owner, Integer expectedParticipants, Double expectedRoi) {
        return events.event(owner, "ACTIVE", expectedParticipants, expectedRoi);
    }

    /** A customer entry through the public API (participant row + outbox row in one transaction). */
    long enter(long eventId, String entryPath) {
        int n = PHONES.incrementAndGet();
        String phone = String.format("010-%04d-%04d", (n / 10_000) % 10_000, n % 10_000);
        var response = api.post("/api/v1/public/events/" + eventId + "/participations", null,
                Map.of("name", "김민수", "phone", phone, "entryPath", entryPath, "consent", true));
        if (response.status() != 201 && response.status() != 200) {
            throw new IllegalStateException("entry failed: " + response);
        }
        return response.json().get("entryNumber").asLong();
    }

    long participantRows(long eventId) {
        return jdbc.queryForObject("select count(*) from participants where event_id = ?", Long.class, eventId);
    }

    long projected(long eventId) {
        return jdbc.queryForList("select participants from analytics_events where event_id = ?", Long.class, eventId)
                .stream().findFirst().orElse(0L);
    }

    static String participant(UUID messageId, long eventId, long entryNumber, String path, Instant at) {
        return """
                {"messageId":"%s","topic":"participant.registered","eventId":%d,"occurredAt":"%s",
                 "data":{"eventId":%d,"entryNumber":%d,"entryPath":"%s","registeredAt":"%s"}}"""
                .formatted(messageId, eventId, at, eventId, entryNumber, path, at);
    }

    static String distribution(UUID messageId, long eventId, int round, String channel, String status) {
        return """
                {"messageId":"%s","topic":"distribution.completed","eventId":%d,"occurredAt":"%s",
                 "data":{"eventId":%d,"round":%d,"channels":[{"channel":"%s","status":"%s","attempts":1,"externalId":"x-%d","postUrl":null}]}}"""
                .formatted(messageId, eventId, Instant.now(), eventId, round, channel, status, round);
    }

    static String created(UUID messageId, long eventId, long ownerId, int expected) {
        return """
                {"messageId":"%s","topic":"event.created","eventId":%d,"occurredAt":"%s",
                 "data":{"eventId":%d,"ownerId":%d,"storeId":1,"objective":"NEW_CUSTOMERS","title":"t","prize":"p",
                         "expectedParticipants":%d,"estimatedCost":100000,"expectedRoi":150.0,
                         "channels":["INSTAGRAM","NAVER_BLOG"],"startAt":"%s","endAt":null}}"""
                .formatted(messageId, eventId, Instant.now(), eventId, ownerId, expected, Instant.now());
    }

    void send(String topic, long eventId, UUID messageId, String value) {
        var record = new ProducerRecord<>(topic, Long.toString(eventId), value);
        if (messageId != null) {
            record.headers().add("message-id", messageId.toString().getBytes(StandardCharsets.UTF_8));
        }
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void sendParticipant(long eventId, UUID id, long entryNumber, String path, Instant at) {
        send(Topics.PARTICIPANT_REGISTERED, eventId, id, participant(id, eventId, entryNumber, path, at));
    }

    static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
    }
}
