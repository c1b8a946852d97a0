package com.kt.eventmarketing.shared.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Redis is a cache and fast path, never the only copy: everything in it can be rebuilt from PostgreSQL. */
@ConfigurationProperties("kt.redis")
public record RedisProperties(String url, Integer timeoutMillis, Integer poolSize) {
    public RedisProperties {
        if (poolSize == null) {
            poolSize = 64;
        }
        if (url == null || url.isBlank()) {
            url = "redis://127.0.0.1:16379";
        }
        if (timeoutMillis == null) {
            timeoutMillis = 500;
        }
    }
}
