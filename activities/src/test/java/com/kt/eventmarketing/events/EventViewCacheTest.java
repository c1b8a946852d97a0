package com.kt.eventmarketing.events;

import com.kt.eventmarketing.shared.redis.RedisConfiguration;
import com.kt.eventmarketing.shared.redis.RedisProperties;
import com.kt.eventmarketing.testsupport.RealServers;
import com.kt.eventmarketing.testsupport.WithRealServers;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import static org.assertj.core.api.Assertions.assertThat;

/** Eviction must work on the first call after Redis restarted under a pool full of dead connections. */
@WithRealServers
class EventViewCacheTest {

    @Test
    void evictionSurvivesARedisRestart() {
        try (JedisPooled pooled = new RedisConfiguration().jedis(new RedisProperties(RealServers.redisUrl(), 500, 4))) {
            EventViewCache cache = new EventViewCache(pooled);
            cache.put(EventViewCache.View.DETAIL, 7, 42, "{\"step\":\"ANALYZING_TRENDS\"}");
            assertThat(cache.get(EventViewCache.View.DETAIL, 7, 42)).contains("{\"step\":\"ANALYZING_TRENDS\"}");

            RealServers.stopRedis();
            RealServers.startRedis();
            try (JedisPooled fresh = new JedisPooled("127.0.0.1", RealServers.redisPort())) {
                fresh.set("event:detail:7:42", "stale after restart");
                cache.evict(7, 42);
                assertThat(fresh.exists("event:detail:7:42")).as("evicted through a fresh connection").isFalse();
            }
        }
    }
}
