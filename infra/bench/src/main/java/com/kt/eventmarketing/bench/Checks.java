package com.kt.eventmarketing.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the database and the sandbox's request log say, compared with what the clients were told. */
public final class Checks {
    private Checks() {
    }

    public record EntryCheck(int accepted, long dbRows, long distinctNumbers, int lost, int unacknowledged, int duplicatedAnswers) {
        public boolean exactlyOnce() {
            return lost == 0 && duplicatedAnswers == 0 && dbRows == distinctNumbers;
        }

        public String describe() {
            return String.format("accepted %d, rows %d, lost %d, duplicated %d, rows without a 201 (client gave up) %d",
                    accepted, dbRows, lost, duplicatedAnswers, unacknowledged);
        }
    }

    /** Every 201's entry number must be a row of the event, once; rows nobody was told about are counted apart. */
    public static EntryCheck entries(Connection db, long eventId, List<Intake.Accepted> accepted) throws SQLException {
        Set<Long> rows = new HashSet<>();
        long count = 0;
        try (PreparedStatement s = db.prepareStatement("select entry_number from participants where event_id = ?")) {
            s.setLong(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getLong(1));
                    count++;
                }
            }
        }
        Map<Long, Set<Integer>> seen = new HashMap<>();
        int lost = 0;
        for (Intake.Accepted a : accepted) {
            if (!rows.contains(a.entryNumber())) {
                lost++;
            }
            seen.computeIfAbsent(a.entryNumber(), n -> new HashSet<>()).add(a.seq());
        }
        // one number told to two different entries (phones) would be a duplicate
        int duplicated = seen.values().stream().mapToInt(s -> s.size() - 1).sum();
        int unacknowledged = (int) rows.stream().filter(n -> !seen.containsKey(n)).count();
        return new EntryCheck(accepted.size(), count, rows.size(), lost, unacknowledged, duplicated);
    }

    public static long count(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /** Where an event's entries stand downstream: unpublished outbox rows, participant rows, the analytics count. */
    public record Drain(long unpublished, long rows, long projected, double seconds) {
        public boolean converged() {
            return unpublished == 0 && projected == rows;
        }
    }

    /**
     * Polls until the event's outbox is published and its analytics projection equals its participant rows (or
     * the timeout): the backlog a load phase leaves behind, drained before the next phase is measured.
     */
    public static Drain awaitDrained(Connection db, long eventId, Duration timeout) throws SQLException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        Drain drain;
        do {
            drain = new Drain(
                    count(db, "select count(*) from outbox where message_key = ? and published_at is null", Long.toString(eventId)),
                    count(db, "select count(*) from participants where event_id = ?", eventId),
                    count(db, "select coalesce(max(participants), -1) from analytics_events where event_id = ?", eventId),
                    (System.nanoTime() - t0) / 1e9);
            if (drain.converged()) {
                return drain;
            }
            Bench.sleep(500);
        } while (System.nanoTime() < deadline);
        return drain;
    }

    public static final Map<String, String> GROUPS = Map.of("URIDONGNETV", "uridongnetv", "RINGOBIZ", "ringobiz", "GINITV", "ginitv",
            "INSTAGRAM", "instagram", "NAVER_BLOG", "naver", "KAKAO_CHANNEL", "kakao");

    public record PostCheck(int posts, int duplicates, int missing, Map<String, Integer> requestsByKey) {
        public boolean exactlyOnce() {
            return duplicates == 0 && missing == 0;
        }
    }

    /**
     * For each (event, channel): the sandbox log under key event-&lt;id&gt;-&lt;CHANNEL&gt;. A post is a 2xx answer that was
     * not a replay of an earlier one; per request path there must be exactly one (Instagram's container and publish
     * calls are two paths of one post).
     */
    public static PostCheck posts(Api sandbox, List<Long> eventIds, List<String> channels) {
        int posts = 0;
        int duplicates = 0;
        int missing = 0;
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (long id : eventIds) {
            for (String channel : channels) {
                String key = "event-" + id + "-" + channel;
                JsonNode log = sandbox.get("/admin/requests?idempotencyKey=" + key, null).json();
                Map<String, Integer> fresh = new HashMap<>();
                for (JsonNode r : log) {
                    int status = r.path("status").asInt();
                    if (status >= 200 && status < 300 && !r.path("replayed").asBoolean() && r.path("method").asText().equals("POST")) {
                        fresh.merge(r.path("path").asText(), 1, Integer::sum);
                    }
                }
                byKey.put(key, log.size());
                if (fresh.isEmpty()) {
                    missing++;
                }
                for (int n : fresh.values()) {
                    posts++;
                    if (n > 1) {
                        duplicates += n - 1;
                    }
                }
            }
        }
        return new PostCheck(posts, duplicates, missing, byKey);
    }

    public static void faults(Api sandbox, String group, Map<String, Object> fault) {
        Api.Response r = sandbox.put("/admin/faults/" + group, null, fault);
        if (!r.ok()) {
            throw new IllegalStateException("sandbox fault " + group + ": " + r.status() + " " + r.body());
        }
    }

    public static void healAll(Api sandbox) {
        sandbox.delete("/admin/faults", null);
    }
}
