package com.kt.eventmarketing.shared.redis;

import com.kt.eventmarketing.testsupport.RealServers;
import com.kt.eventmarketing.testsupport.WithRealServers;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@WithRealServers
class RedisConfigurationTest {

    @Test
    void connectionsOpenedUnderConcurrencyAreKeptNotClosedAndReopened() throws Exception {
        RedisProperties properties = new RedisProperties(RealServers.redisUrl(), 500, 32);
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try (JedisPooled redis = new RedisConfiguration().jedis(properties)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 400; i++) {
                    calls.add(threads.submit(() -> redis.incr("redis-configuration-test")));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
                calls.clear();
            }
            var pool = redis.getPool();
            assertThat(redis.get("redis-configuration-test")).isEqualTo("2000");
            assertThat(pool.getDestroyedCount()).as("connections closed after use").isZero();
            assertThat(pool.getCreatedCount()).as("connections opened").isLessThanOrEqualTo(32);
            assertThat(pool.getMaxWaitDuration().toMillis()).isEqualTo(500);
        } finally {
            threads.shutdownNow();
        }
    }
}
