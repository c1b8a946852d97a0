package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.shared.jdbc.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies analytics messages to the PostgreSQL projections inside the caller's transaction. The message ids are
 * claimed in {@code processed_messages} in the same transaction, so a message re-delivered after a crash (before or
 * after the commit) is counted exactly once. Participant counts are sums, so they do not depend on message order;
 * distribution state carries its round and an older round never overwrites a newer one.
 */
@Component
public class AnalyticsProjection {
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final JdbcTemplate jdbc;

    public AnalyticsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What one batch changed. */
    public record Outcome(int applied, int duplicates, Map<String, Integer> appliedByTopic, Set<Long> changedEvents) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome apply(List<AnalyticsMessage> batch) {
        Map<UUID, AnalyticsMessage> unique = new LinkedHashMap<>();
        batch.forEach(m -> unique.putIfAbsent(m.messageId(), m));
        if (unique.isEmpty()) {
            return new Outcome(0, batch.size(), Map.of(), Set.of());
        }
        Set<UUID> claimed = claim(unique.values());
        List<AnalyticsMessage> fresh = unique.values().stream().filter(m -> claimed.contains(m.messageId())).toList();

        Set<Long> changed = new LinkedHashSet<>();
        fresh.forEach(m -> changed.add(m.eventId()));
        ensureEventRows(changed);

        Map<Long, Long> perEvent = new java.util.TreeMap<>();
        Map<Long, Instant> lastEntry = new HashMap<>();
        Map<List<Object>, Long> perPath = new HashMap<>();
        Map<List<Object>, Long> perHour = new HashMap<>();
        Map<List<Object>, Long> perDay = new HashMap<>();
        Map<String, Integer> byTopic = new HashMap<>();
        for (AnalyticsMessage m : fresh) {
            byTopic.merge(m.topic(), 1, Integer::sum);
            if (m instanceof AnalyticsMessage.EventCreated e) {
                eventCreated(e);
            } else if (m instanceof AnalyticsMessage.DistributionCompleted d) {
                distributionCompleted(d);
            } else if (m instanceof AnalyticsMessage.ParticipantRegistered p) {
                perEvent.merge(p.eventId(), 1L, Long::sum);
                lastEntry.merge(p.eventId(), p.registeredAt(), (a, b) -> a.isAfter(b) ? a : b);
                perPath.merge(List.of(p.eventId(), p.entryPath()), 1L, Long::sum);
                perHour.merge(List.of(p.eventId(), p.registeredAt().truncatedTo(ChronoUnit.HOURS)), 1L, Long::sum);
                perDay.merge(List.of(p.eventId(), LocalDate.ofInstant(p.registeredAt(), SEOUL)), 1L, Long::sum);
            }
        }
        if (!perEvent.isEmpty()) {
            jdbc.batchUpdate("update analytics_events set participants = participants + ?,"
                            + " last_entry_at = greatest(last_entry_at, ?) where event_id = ?",
                    perEvent.entrySet().stream().map(e -> new Object[]{e.getValue(),
                            Timestamp.from(lastEntry.get(e.getKey())), e.getKey()}).toList());
            jdbc.batchUpdate("insert into analytics_entry_paths (event_id, entry_path, participants) values (?, ?, ?)"
                            + " on conflict (event_id, entry_path) do update set participants = analytics_entry_paths.participants + excluded.participants",
                    perPath.entrySet().stream().map(e -> new Object[]{e.getKey().get(0), e.getKey().get(1), e.getValue()}).toList());
            jdbc.batchUpdate("insert into analytics_hourly (event_id, bucket_start, participants) values (?, ?, ?)"
                            + " on conflict (event_id, bucket_start) do update set participants = analytics_hourly.participants + excluded.participants",
                    perHour.entrySet().stream().map(e -> new Object[]{e.getKey().get(0),
                            Timestamp.from((Instant) e.getKey().get(1)), e.getValue()}).toList());
            jdbc.batchUpdate("insert into analytics_daily (event_id, day, participants) values (?, ?, ?)"
                            + " on conflict (event_id, day) do update set participants = analytics_daily.participants + excluded.participants",
                    perDay.entrySet().stream().map(e -> new Object[]{e.getKey().get(0),
                            Date.valueOf((LocalDate) e.getKey().get(1)), e.getValue()}).toList());
        }
        bumpVersions(changed);
        return new Outcome(fresh.size(), batch.size() - fresh.size(), byTopic, changed);
    }

    /** Increments the version of events whose projections changed outside the consumer (channel statistics). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void touch(long eventId) {
        ensureEventRows(Set.of(eventId));
        bumpVersions(Set.of(eventId));
    }

    private Set<UUID> claim(java.util.Collection<AnalyticsMessage> messages) {
        UUID[] ids = messages.stream().map(AnalyticsMessage::messageId).toArray(UUID[]::new);
        String[] topics = messages.stream().map(AnalyticsMessage::topic).toArray(String[]::new);
        Long[] events = messages.stream().map(AnalyticsMessage::eventId).toArray(Long[]::new);
        return new HashSet<>(SqlArrays.query(jdbc, """
                        insert into processed_messages (message_id, topic, event_id)
                        select * from unnest(?::uuid[], ?::varchar[], ?::bigint[])
                        on conflict (message_id) do nothing
                        returning message_id""", (rs, i) -> rs.getObject(1, UUID.class),
                SqlArrays.column("uuid", ids), SqlArrays.column("varchar", topics), SqlArrays.column("bigint", events)));
    }

    private void ensureEventRows(Set<Long> eventIds) {
        if (!eventIds.isEmpty()) {
            // sorted, so two transactions touching the same events lock them in the same order
            jdbc.batchUpdate("insert into analytics_events (event_id) values (?) on conflict (event_id) do nothing",
                    eventIds.stream().sorted().map(id -> new Object[]{id}).toList());
        }
    }

    private void bumpVersions(Set<Long> eventIds) {
        if (!eventIds.isEmpty()) {
            jdbc.batchUpdate("update analytics_events set version = version + 1, updated_at = now() where event_id = ?",
                    eventIds.stream().sorted().map(id -> new Object[]{id}).toList());
        }
    }

    private void eventCreated(AnalyticsMessage.EventCreated e) {
        jdbc.update("""
                        update analytics_events set owner_id = coalesce(?, owner_id), store_id = coalesce(?, store_id),
                          objective = coalesce(?, objective), title = coalesce(?, title),
                          expected_participants = coalesce(?, expected_participants),
                          estimated_cost = coalesce(?, estimated_cost), expected_roi = coalesce(?, expected_roi),
                          start_at = coalesce(?, start_at), end_at = coalesce(?, end_at)
                        where event_id = ?""",
                e.ownerId(), e.storeId(), e.objective(), e.title(), e.expectedParticipants(), e.estimatedCost(),
                e.expectedRoi(), ts(e.startAt()), ts(e.endAt()), e.eventId());
        List<Object[]> rows = new ArrayList<>();
        e.channels().stream().filter(c -> c != null && !c.isBlank() && c.length() <= 20).distinct()
                .forEach(c -> rows.add(new Object[]{e.eventId(), c}));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("insert into analytics_channels (event_id, channel, distribution_status) values (?, ?, 'PENDING')"
                    + " on conflict (event_id, channel) do nothing", rows);
        }
    }

    private void distributionCompleted(AnalyticsMessage.DistributionCompleted d) {
        jdbc.update("update analytics_events set distribution_round = greatest(distribution_round, ?) where event_id = ?",
                d.round(), d.eventId());
        for (AnalyticsMessage.ChannelState c : d.channels()) {
            jdbc.update("""
                            insert into analytics_channels (event_id, channel, distribution_status, distribution_round, external_id, post_url)
                            values (?, ?, ?, ?, ?, ?)
                            on conflict (event_id, channel) do update set distribution_status = excluded.distribution_status,
                              distribution_round = excluded.distribution_round,
                              external_id = coalesce(excluded.external_id, analytics_channels.external_id),
                              post_url = coalesce(excluded.post_url, analytics_channels.post_url)
                            where analytics_channels.distribution_round <= excluded.distribution_round""",
                    d.eventId(), c.channel(), c.status(), d.round(), truncate(c.externalId(), 200), truncate(c.postUrl(), 500));
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
