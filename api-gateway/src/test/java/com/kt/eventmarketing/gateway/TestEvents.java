package com.kt.eventmarketing.gateway;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Test setup in our own real database: an owner registered through the API, and events in the state the
 * workflow would have left them (for tests of what comes after the creation flow).
 */
public final class TestEvents {
    private final JdbcTemplate jdbc;
    private final ApiClient api;

    public TestEvents(JdbcTemplate jdbc, ApiClient api) {
        this.jdbc = jdbc;
        this.api = api;
    }

    public record Owner(long id, String token) {
    }

    public Owner owner() {
        Map<String, Object> body = Owners.registration();
        var response = api.post("/api/v1/users/register", null, body);
        if (response.status() != 201) {
            throw new IllegalStateException("registration failed: " + response);
        }
        long id = jdbc.queryForObject("select id from users where email = ?", Long.class, body.get("email"));
        return new Owner(id, response.json().get("accessToken").asString());
    }

    /** An event with the given status, running from an hour ago to a day from now, published on two channels. */
    public long event(Owner owner, String status, Integer expectedParticipants, Double expectedRoi) {
        long storeId = jdbc.queryForObject("select id from stores where owner_id = ?", Long.class, owner.id());
        Instant now = Instant.now();
        long id = jdbc.queryForObject("""
                        insert into events (owner_id, store_id, objective, status, step, title, prize, participation_method,
                                            guide, image_url, start_at, end_at, expected_participants, expected_roi)
                        values (?, ?, 'NEW_CUSTOMERS', ?, ?, '주말 치킨 이벤트', '치킨 한 마리', '전화번호로 응모',
                                '매장 방문 시 응모권 추가!', 'http://127.0.0.1/api/v1/images/x.png', ?, ?, ?, ?) returning id""",
                Long.class, owner.id(), storeId, status, status.equals("ENDED") ? "ENDED" : "ACTIVE",
                Timestamp.from(now.minus(Duration.ofHours(1))), Timestamp.from(now.plus(Duration.ofDays(1))),
                expectedParticipants, expectedRoi);
        for (String channel : new String[]{"INSTAGRAM", "KAKAO_CHANNEL"}) {
            jdbc.update("insert into event_channels (event_id, channel, status, attempts) values (?, ?, 'PUBLISHED', 1)", id, channel);
        }
        return id;
    }
}
