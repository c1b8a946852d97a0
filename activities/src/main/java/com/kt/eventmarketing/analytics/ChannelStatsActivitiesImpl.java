package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.distribution.stats.ChannelStats;
import com.kt.eventmarketing.distribution.stats.ChannelStatsClient;
import com.kt.eventmarketing.shared.WorkerComponent;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.util.List;

/** See {@link ChannelStatsActivities}. Not in the gateway (its scan leaves out {@code *ActivitiesImpl}). */
@WorkerComponent
public class ChannelStatsActivitiesImpl implements ChannelStatsActivities {
    private static final Logger log = LoggerFactory.getLogger(ChannelStatsActivitiesImpl.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ChannelStatsClient client;
    private final AnalyticsProjection projection;
    private final LiveCounters live;
    private final MeterRegistry meters;

    public ChannelStatsActivitiesImpl(JdbcTemplate jdbc, TransactionTemplate tx, ChannelStatsClient client,
                                      AnalyticsProjection projection, LiveCounters live, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.client = client;
        this.projection = projection;
        this.live = live;
        this.meters = meters;
    }

    @Override
    public List<Long> activeEventsForStats() {
        return jdbc.queryForList("select id from events where status = 'ACTIVE' order by id", Long.class);
    }

    @Override
    public PollResult pollChannelStats(long eventId) {
        record Post(String channel, String externalId) {
        }
        List<Post> posts = jdbc.query("select channel, external_id from event_channels where event_id = ?"
                        + " and status = 'PUBLISHED' and external_id is not null order by channel",
                (rs, i) -> new Post(rs.getString(1), rs.getString(2)), eventId);
        int fetched = 0;
        int failed = 0;
        for (Post post : posts) {
            ChannelType channel;
            try {
                channel = ChannelType.valueOf(post.channel());
            } catch (IllegalArgumentException unknown) {
                continue;
            }
            try {
                ChannelStats stats = client.fetch(channel, post.externalId());
                tx.executeWithoutResult(status -> {
                    jdbc.update("""
                                    insert into analytics_channels (event_id, channel, external_id, impressions, views, clicks,
                                      calls, completed_calls, average_call_seconds, stats_measured_at, stats_fetched_at)
                                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                                    on conflict (event_id, channel) do update set external_id = coalesce(analytics_channels.external_id, excluded.external_id),
                                      impressions = excluded.impressions, views = excluded.views, clicks = excluded.clicks,
                                      calls = excluded.calls, completed_calls = excluded.completed_calls,
                                      average_call_seconds = excluded.average_call_seconds,
                                      stats_measured_at = excluded.stats_measured_at, stats_fetched_at = now(),
                                      stats_error = null""",
                            eventId, channel.name(), post.externalId(), stats.impressions(), stats.views(), stats.clicks(),
                            stats.calls(), stats.completedCalls(), stats.averageCallSeconds(),
                            stats.measuredAt() == null ? null : Timestamp.from(stats.measuredAt()));
                    projection.touch(eventId);
                });
                fetched++;
                meters.counter("kt.analytics.channel.stats", "channel", channel.name(), "outcome", "fetched").increment();
            } catch (RuntimeException e) {
                failed++;
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.info("statistics of event {} on {} unavailable, keeping the last value: {}", eventId, channel, reason);
                tx.executeWithoutResult(status -> {
                    jdbc.update("""
                                    insert into analytics_channels (event_id, channel, external_id, stats_failed_at, stats_error)
                                    values (?, ?, ?, now(), ?)
                                    on conflict (event_id, channel) do update set stats_failed_at = now(),
                                      stats_error = excluded.stats_error""",
                            eventId, channel.name(), post.externalId(), reason.length() > 300 ? reason.substring(0, 300) : reason);
                    projection.touch(eventId);
                });
                meters.counter("kt.analytics.channel.stats", "channel", channel.name(), "outcome", "stale").increment();
            }
        }
        if (!posts.isEmpty()) {
            live.refresh(List.of(eventId));
        }
        return new PollResult(eventId, fetched, failed);
    }
}
