package com.kt.eventmarketing.shared.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;

@Component("redis")
public class RedisHealthIndicator extends AbstractHealthIndicator {
    private final JedisPooled jedis;

    public RedisHealthIndicator(JedisPooled jedis) {
        super("Redis health check failed");
        this.jedis = jedis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String pong = jedis.ping();
        builder.up().withDetail("ping", pong);
    }
}
