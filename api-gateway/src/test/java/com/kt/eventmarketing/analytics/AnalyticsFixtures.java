package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.Owners;
import com.kt.eventmarketing.shared.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
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
    final KafkaTemplate<String, String> kafka;

    AnalyticsFixtures(JdbcTemplate jdbc, int port, KafkaTemplate<String, String> kafka) {
        this.jdbc = jdbc;
        this.api = new ApiClient(port);
        this.kafka = kafka;
    }

    record Owner(long id, String token) {
    }

    Owner owner() {
        Map<String, Object> body = Owners.registration();
        var response = api.post("/api/v1/users/register", null, body);
        if (response.status() != 201) {
            throw new IllegalStateException("registration failed: " + response);
        }
        long id = jdbc.queryForObject("select id from users where email = ?", Long.class, body.get("email"));
        return new Owner(id, response.json().get("accessToken").asString());
    }

    /** An ACTIVE event inside its period on INSTAGRAM and KAKAO_CHANNEL, as the workflow would have left it. */
    long activeEvent(Owner owner, Integer expectedParticipants, Double expectedRoi) {
        long storeId = jdbc.queryForObject("select id from stores where owner_id = ?", Long.class, owner.id());
        Instant now = Instant.now();
        long id = jdbc.queryForObject("""
                        insert into events (owner_id, store_id, objective, status, step, title, prize, participation_method,
                                            guide, image_url, start_at, end_at, expected_participants, expected_roi)
                        values (?, ?, 'NEW_CUSTOMERS', 'ACTIVE', 'ACTIVE', '주말 치킨 이벤트', '치킨 한 마리', '전화번호로 응모',
                                '매장 방문 시 응모권 추가!', 'http://127.0.0.1/api/v1/images/x.png', ?, ?, ?, ?) returning id""",
                Long.class, owner.id(), storeId, Timestamp.from(now.minus(Duration.ofHours(1))),
                Timestamp.from(now.plus(Duration.ofDays(1))), expectedParticipants, expectedRoi);
        for (String channel : new String[]{"INSTAGRAM", "KAKAO_CHANNEL"}) {
            jdbc.update("insert into event_channels (event_id, channel, status, attempts) values (?, ?, 'PUBLISHED', 1)", id, channel);
        }
        return id;
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
