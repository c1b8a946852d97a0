package com.kt.eventmarketing.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Participant and view counts for the owner dashboard, from the live counters (Redis, rebuilt from the projections
 * when missing), and the rendered dashboard cached per owner for {@code kt.analytics.dashboard-ttl} (1 min). The
 * consumers and the statistics poller evict an owner's entry whenever one of the owner's events changes.
 */
@Component
public class DashboardCounts {
    private static final Logger log = LoggerFactory.getLogger(DashboardCounts.class);

    private final LiveCounters live;
    private final JedisPooled redis;
    private final AnalyticsProperties properties;

    public DashboardCounts(LiveCounters live, JedisPooled redis, AnalyticsProperties properties) {
        this.live = live;
        this.redis = redis;
        this.properties = properties;
    }

    public record Counts(long participants, long views) {
    }

    public Map<Long, Counts> counts(Collection<Long> eventIds) {
        Map<Long, Counts> counts = new LinkedHashMap<>();
        for (Long id : eventIds) {
            LiveCounters.Live l = live.read(id);
            counts.put(id, new Counts(l.participants(), l.views()));
        }
        return counts;
    }

    public Optional<String> cached(long ownerId) {
        try {
            return Optional.ofNullable(redis.get(LiveCounters.dashboardKey(ownerId)));
        } catch (JedisException e) {
            log.debug("dashboard cache unavailable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public void put(long ownerId, String json) {
        try {
            redis.set(LiveCounters.dashboardKey(ownerId), json, SetParams.setParams().px(properties.dashboardTtl().toMillis()));
        } catch (JedisException e) {
            log.debug("dashboard cache unavailable: {}", e.getMessage());
        }
    }
}
