package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.shared.redis.LuaScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hot numbers of an event in Redis (hash {@code analytics:live:<eventId>}: participants, impressions, views
 * (the channels' plus the customer page's {@code events.view_count}), version), always written as absolute values read from PostgreSQL after the projection committed, and only when
 * newer than what Redis holds. A missing hash (flushed, expired, Redis restarted) is rebuilt from the database on
 * the next read, so Redis is never the only copy. The owner dashboard cache ({@code analytics:dashboard:<ownerId>},
 * 1 minute) is evicted here too whenever an event of that owner changes.
 */
@Component
public class LiveCounters {
    private static final Logger log = LoggerFactory.getLogger(LiveCounters.class);
    private static final LuaScript SET_IF_NEWER = new LuaScript("""
            local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
            if current < tonumber(ARGV[1]) then
              redis.call('HSET', KEYS[1], 'version', ARGV[1], 'participants', ARGV[2], 'impressions', ARGV[3], 'views', ARGV[4])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return current""");

    private final JedisPooled redis;
    private final JdbcTemplate jdbc;
    private final AnalyticsProperties properties;

    public LiveCounters(JedisPooled redis, JdbcTemplate jdbc, AnalyticsProperties properties) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public record Live(long eventId, Long ownerId, long participants, long impressions, long views, long version) {
    }

    public static String liveKey(long eventId) {
        return "analytics:live:" + eventId;
    }

    public static String dashboardKey(long ownerId) {
        return "analytics:dashboard:" + ownerId;
    }

    /** After a commit: publish the new numbers of these events and evict their owners' dashboards. */
    public void refresh(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        for (Live live : fromDatabase(eventIds)) {
            write(live);
            if (live.ownerId() != null) {
                evictDashboard(live.ownerId());
            }
        }
    }

    /** Redis first; when the hash is missing (or Redis is down) the database answers and Redis is refilled. */
    public Live read(long eventId) {
        try {
            Map<String, String> hash = redis.hgetAll(liveKey(eventId));
            if (hash != null && hash.containsKey("version") && hash.containsKey("participants")) {
                return new Live(eventId, null, Long.parseLong(hash.get("participants")),
                        Long.parseLong(hash.getOrDefault("impressions", "0")), Long.parseLong(hash.getOrDefault("views", "0")),
                        Long.parseLong(hash.get("version")));
            }
        } catch (JedisException | NumberFormatException e) {
            log.debug("live counters unavailable for event {}: {}", eventId, e.toString());
        }
        Optional<Live> live = fromDatabase(List.of(eventId)).stream().findFirst();
        live.ifPresent(this::write);
        return live.orElse(new Live(eventId, null, 0, 0, 0, 0));
    }

    public void evictDashboard(long ownerId) {
        try {
            redis.del(dashboardKey(ownerId));
        } catch (JedisException e) {
            log.warn("could not evict the dashboard of owner {} ({}); it expires within {}", ownerId, e.getMessage(),
                    properties.dashboardTtl());
        }
    }

    private void write(Live live) {
        try {
            SET_IF_NEWER.run(redis, List.of(liveKey(live.eventId())), List.of(Long.toString(live.version()),
                    Long.toString(live.participants()), Long.toString(live.impressions()), Long.toString(live.views()),
                    Long.toString(properties.liveTtl().toMillis())));
        } catch (JedisException e) {
            log.debug("live counters not written for event {}: {}", live.eventId(), e.toString());
        }
    }

    private List<Live> fromDatabase(Collection<Long> eventIds) {
        return jdbc.query("""
                        select a.event_id, coalesce(a.owner_id, e.owner_id) as owner_id, a.participants, a.version,
                               coalesce((select sum(c.impressions) from analytics_channels c where c.event_id = a.event_id), 0) as impressions,
                               coalesce((select sum(c.views) from analytics_channels c where c.event_id = a.event_id), 0)
                                 + coalesce(e.view_count, 0) as views
                        from analytics_events a left join events e on e.id = a.event_id
                        where a.event_id = any(?)""",
                (rs, i) -> new Live(rs.getLong("event_id"), (Long) rs.getObject("owner_id", Long.class),
                        rs.getLong("participants"), rs.getLong("impressions"), rs.getLong("views"), rs.getLong("version")),
                (Object) eventIds.toArray(Long[]::new));
    }
}
