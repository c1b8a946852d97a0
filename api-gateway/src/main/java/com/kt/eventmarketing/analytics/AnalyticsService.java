package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.gateway.web.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The owner's analytics, read from the PostgreSQL projections (exact: they are what the consumers committed).
 * Every lookup is scoped to the owner: another owner's event is a 404.
 */
@Service
public class AnalyticsService {
    static final String NO_SALES_DATA = "매출 데이터가 연동되지 않아 매출 증가율을 계산할 수 없습니다 (no sales data source connected)";
    private static final int MAX_BUCKETS = 24 * 93;

    private final JdbcTemplate jdbc;

    public AnalyticsService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Owned(long eventId, long ownerId, String title, String status, String businessType, Integer expected,
                 Double expectedRoi, Instant createdAt) {
    }

    Owned owned(long ownerId, long eventId) {
        List<Owned> rows = jdbc.query("""
                        select e.id, e.owner_id, e.title, e.status, s.business_type, e.expected_participants, e.expected_roi,
                               e.created_at, a.expected_participants as a_expected, a.expected_roi as a_roi
                        from events e join stores s on s.id = e.store_id
                        left join analytics_events a on a.event_id = e.id
                        where e.id = ? and e.owner_id = ?""",
                (rs, i) -> new Owned(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("title"), rs.getString("status"),
                        rs.getString("business_type"),
                        firstNonNull((Integer) rs.getObject("expected_participants", Integer.class), (Integer) rs.getObject("a_expected", Integer.class)),
                        firstNonNull((Double) rs.getObject("expected_roi", Double.class), (Double) rs.getObject("a_roi", Double.class)),
                        rs.getTimestamp("created_at").toInstant()),
                eventId, ownerId);
        if (rows.isEmpty()) {
            throw ApiException.notFound("event " + eventId);
        }
        return rows.get(0);
    }

    /** Throws 404 unless the event is the owner's. */
    public void requireOwned(long ownerId, long eventId) {
        owned(ownerId, eventId);
    }

    public AnalyticsViews.Summary summary(long ownerId, long eventId) {
        Owned event = owned(ownerId, eventId);
        Map<String, Object> totals = jdbc.queryForList("select participants, version, updated_at from analytics_events where event_id = ?",
                eventId).stream().findFirst().orElse(Map.of());
        long participants = totals.isEmpty() ? 0 : ((Number) totals.get("participants")).longValue();
        long version = totals.isEmpty() ? 0 : ((Number) totals.get("version")).longValue();
        Instant updatedAt = totals.isEmpty() ? null : ((Timestamp) totals.get("updated_at")).toInstant();

        var impressions = jdbc.queryForMap("""
                select coalesce(sum(impressions), 0) as impressions, coalesce(sum(views), 0) as views,
                       bool_or(stats_failed_at is not null and (stats_fetched_at is null or stats_failed_at > stats_fetched_at)) as stale,
                       min(stats_fetched_at) as as_of,
                       (select view_count from events where id = ?) as page_views
                from analytics_channels where event_id = ?""", eventId, eventId);
        long pageViews = impressions.get("page_views") == null ? 0 : ((Number) impressions.get("page_views")).longValue();
        var impressionsCard = new AnalyticsViews.ImpressionsCard(((Number) impressions.get("impressions")).longValue(),
                ((Number) impressions.get("views")).longValue() + pageViews, pageViews, Boolean.TRUE.equals(impressions.get("stale")),
                impressions.get("as_of") == null ? null : ((Timestamp) impressions.get("as_of")).toInstant());

        var roiAvg = jdbc.queryForMap("""
                select avg(e.expected_roi) as average, count(e.expected_roi) as n
                from events e join stores s on s.id = e.store_id
                where s.business_type = ? and e.id <> ? and e.expected_roi is not null
                  and e.status in ('APPROVED', 'ACTIVE', 'ENDED')""", event.businessType(), eventId);
        Double average = roiAvg.get("average") == null ? null : ((Number) roiAvg.get("average")).doubleValue();
        var roi = new AnalyticsViews.RoiCard(event.expectedRoi(), round(average),
                event.expectedRoi() == null || average == null ? null : round(event.expectedRoi() - average),
                event.businessType(), ((Number) roiAvg.get("n")).longValue());

        var cards = new AnalyticsViews.Cards(
                new AnalyticsViews.ParticipantsCard(participants, event.expected(), rate(participants, event.expected())),
                impressionsCard, roi, new AnalyticsViews.SalesGrowthCard(null, NO_SALES_DATA));
        return new AnalyticsViews.Summary(eventId, event.title(), event.status(), version, updatedAt, cards,
                comparison(event, participants));
    }

    private AnalyticsViews.Comparison comparison(Owned event, long participants) {
        List<AnalyticsViews.EarlierEvent> earlier = jdbc.query("""
                        select e.id, e.title, e.status, e.created_at, e.expected_participants,
                               coalesce(a.participants, 0) as participants,
                               coalesce((select sum(c.impressions) from analytics_channels c where c.event_id = e.id), 0) as impressions
                        from events e left join analytics_events a on a.event_id = e.id
                        where e.owner_id = ? and e.id <> ? and e.created_at <= ? and e.status in ('ACTIVE', 'ENDED')
                        order by e.created_at desc, e.id desc limit 5""",
                (rs, i) -> {
                    Integer expected = (Integer) rs.getObject("expected_participants", Integer.class);
                    long n = rs.getLong("participants");
                    return new AnalyticsViews.EarlierEvent(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                            rs.getTimestamp("created_at").toInstant(), n, expected, rate(n, expected), rs.getLong("impressions"));
                },
                event.ownerId(), event.eventId(), Timestamp.from(event.createdAt()));
        if (earlier.isEmpty()) {
            return new AnalyticsViews.Comparison(0, null, null, null, null, List.of());
        }
        double avgParticipants = earlier.stream().mapToLong(AnalyticsViews.EarlierEvent::participants).average().orElse(0);
        double avgImpressions = earlier.stream().mapToLong(AnalyticsViews.EarlierEvent::impressions).average().orElse(0);
        var rates = earlier.stream().map(AnalyticsViews.EarlierEvent::achievementRate).filter(r -> r != null)
                .mapToDouble(Double::doubleValue).average();
        return new AnalyticsViews.Comparison(earlier.size(), round(avgParticipants),
                avgParticipants == 0 ? null : round((participants - avgParticipants) / avgParticipants * 100),
                round(avgImpressions), rates.isPresent() ? round(rates.getAsDouble()) : null, earlier);
    }

    public AnalyticsViews.Channels channels(long ownerId, long eventId) {
        owned(ownerId, eventId);
        Map<String, Long> byPath = new LinkedHashMap<>();
        jdbc.query("select entry_path, participants from analytics_entry_paths where event_id = ? order by participants desc, entry_path",
                rs -> {
                    byPath.put(rs.getString(1), rs.getLong(2));
                }, eventId);
        long total = byPath.values().stream().mapToLong(Long::longValue).sum();
        List<AnalyticsViews.Channel> channels = jdbc.query("""
                        select coalesce(ec.channel, ac.channel) as channel,
                               coalesce(ac.distribution_status, ec.status) as distribution_status,
                               ac.impressions, ac.views, ac.clicks, ac.calls, ac.completed_calls, ac.average_call_seconds,
                               ac.stats_measured_at, ac.stats_fetched_at, ac.stats_failed_at, ac.stats_error
                        from (select * from event_channels where event_id = ?) ec
                        full outer join (select * from analytics_channels where event_id = ?) ac on ac.channel = ec.channel
                        order by 1""",
                (rs, i) -> {
                    String channel = rs.getString("channel");
                    Long impressions = (Long) rs.getObject("impressions", Long.class);
                    Long views = (Long) rs.getObject("views", Long.class);
                    long entered = byPath.getOrDefault(channel, 0L);
                    Long base = views != null && views > 0 ? views : impressions;
                    Instant fetched = instant(rs.getTimestamp("stats_fetched_at"));
                    Instant failed = instant(rs.getTimestamp("stats_failed_at"));
                    boolean stale = failed != null && (fetched == null || failed.isAfter(fetched));
                    return new AnalyticsViews.Channel(channel, rs.getString("distribution_status"), impressions, views,
                            (Long) rs.getObject("clicks", Long.class), (Long) rs.getObject("calls", Long.class),
                            (Long) rs.getObject("completed_calls", Long.class),
                            (Double) rs.getObject("average_call_seconds", Double.class), entered,
                            base == null || base == 0 ? null : round(entered * 100.0 / base),
                            new AnalyticsViews.Stats(instant(rs.getTimestamp("stats_measured_at")), fetched, stale,
                                    fetched == null ? null : Duration.between(fetched, Instant.now()).toSeconds(), failed,
                                    stale ? rs.getString("stats_error") : null));
                }, eventId, eventId);
        List<AnalyticsViews.EntryPath> paths = byPath.entrySet().stream()
                .map(e -> new AnalyticsViews.EntryPath(e.getKey(), e.getValue(), total == 0 ? null : round(e.getValue() * 100.0 / total)))
                .toList();
        return new AnalyticsViews.Channels(eventId, channels, paths);
    }

    public AnalyticsViews.Timeline timeline(long ownerId, long eventId, String granularity) {
        String g = granularity == null ? "hour" : granularity.trim().toLowerCase(java.util.Locale.ROOT);
        if (!g.equals("hour") && !g.equals("day")) {
            throw ApiException.badField("granularity", "oneOf", "must be one of [hour, day]");
        }
        owned(ownerId, eventId);
        List<AnalyticsViews.Bucket> buckets = new ArrayList<>();
        if (g.equals("hour")) {
            Map<Instant, Long> rows = new LinkedHashMap<>();
            jdbc.query("select bucket_start, participants from analytics_hourly where event_id = ? order by bucket_start",
                    rs -> {
                        rows.put(rs.getTimestamp(1).toInstant(), rs.getLong(2));
                    }, eventId);
            if (!rows.isEmpty()) {
                Instant first = rows.keySet().iterator().next();
                Instant last = rows.keySet().stream().reduce((a, b) -> b).orElse(first);
                boolean fill = ChronoUnit.HOURS.between(first, last) < MAX_BUCKETS;
                if (fill) {
                    for (Instant t = first; !t.isAfter(last); t = t.plus(1, ChronoUnit.HOURS)) {
                        buckets.add(new AnalyticsViews.Bucket(OffsetDateTime.ofInstant(t, AnalyticsProjection.SEOUL), rows.getOrDefault(t, 0L)));
                    }
                } else {
                    rows.forEach((t, n) -> buckets.add(new AnalyticsViews.Bucket(OffsetDateTime.ofInstant(t, AnalyticsProjection.SEOUL), n)));
                }
            }
        } else {
            Map<LocalDate, Long> rows = new LinkedHashMap<>();
            jdbc.query("select day, participants from analytics_daily where event_id = ? order by day",
                    rs -> {
                        rows.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                    }, eventId);
            if (!rows.isEmpty()) {
                LocalDate first = rows.keySet().iterator().next();
                LocalDate last = rows.keySet().stream().reduce((a, b) -> b).orElse(first);
                for (LocalDate d = first; !d.isAfter(last) && buckets.size() < MAX_BUCKETS; d = d.plusDays(1)) {
                    buckets.add(new AnalyticsViews.Bucket(d.atStartOfDay(AnalyticsProjection.SEOUL).toOffsetDateTime(), rows.getOrDefault(d, 0L)));
                }
            }
        }
        Map<Integer, Long> hours = new HashMap<>();
        jdbc.query("""
                select extract(hour from bucket_start at time zone 'Asia/Seoul')::int as h, sum(participants)
                from analytics_hourly where event_id = ? group by 1""", rs -> {
            hours.put(rs.getInt(1), rs.getLong(2));
        }, eventId);
        List<AnalyticsViews.HourOfDay> hourOfDay = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            hourOfDay.add(new AnalyticsViews.HourOfDay(h, hours.getOrDefault(h, 0L)));
        }
        return new AnalyticsViews.Timeline(eventId, g, AnalyticsProjection.SEOUL.getId(), buckets, hourOfDay);
    }

    /** Current projection versions of these events (0 when nothing was projected yet). */
    Map<Long, Long> versions(List<Long> eventIds) {
        Map<Long, Long> versions = new HashMap<>();
        jdbc.query("select event_id, version from analytics_events where event_id = any(?)", rs -> {
            versions.put(rs.getLong(1), rs.getLong(2));
        }, (Object) eventIds.toArray(Long[]::new));
        return versions;
    }

    private static Double rate(long count, Integer expected) {
        return expected == null || expected <= 0 ? null : round(count * 100.0 / expected);
    }

    static Double round(Double value) {
        return value == null ? null : Math.round(value * 10.0) / 10.0;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
