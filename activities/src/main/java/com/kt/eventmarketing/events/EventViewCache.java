package com.kt.eventmarketing.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.Optional;

/**
 * Rendered owner views of an event in Redis (detail 5 min, images 7 days), keyed by owner and event so a hit
 * never crosses owners. Whatever changes the event evicts them: the gateway after an owner's Update, the core
 * activities after each write of the workflow's progress. Redis failures only cost a cache miss.
 */
@Component
public class EventViewCache {
    public static final Duration DETAIL_TTL = Duration.ofMinutes(5);
    public static final Duration IMAGES_TTL = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(EventViewCache.class);

    private final JedisPooled redis;

    public EventViewCache(JedisPooled redis) {
        this.redis = redis;
    }

    public enum View { DETAIL, IMAGES }

    public Optional<String> get(View view, long ownerId, long eventId) {
        try {
            return Optional.ofNullable(redis.get(key(view, ownerId, eventId)));
        } catch (JedisException e) {
            log.debug("event view cache unavailable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public void put(View view, long ownerId, long eventId, String json) {
        try {
            redis.set(key(view, ownerId, eventId), json, SetParams.setParams().px((view == View.DETAIL ? DETAIL_TTL : IMAGES_TTL).toMillis()));
        } catch (JedisException e) {
            log.debug("event view cache unavailable: {}", e.getMessage());
        }
    }

    /**
     * Tried twice: the pool discards a connection that failed, so the second try gets a fresh one when Redis
     * was restarted under us (found by the fault-injection run, scenario 4).
     */
    public void evict(long ownerId, long eventId) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                redis.del(key(View.DETAIL, ownerId, eventId), key(View.IMAGES, ownerId, eventId));
                return;
            } catch (JedisException e) {
                if (attempt == 2) {
                    log.warn("could not evict cached views of event {} ({}); they expire within {}", eventId, e.getMessage(), DETAIL_TTL);
                }
            }
        }
    }

    private static String key(View view, long ownerId, long eventId) {
        return "event:" + view.name().toLowerCase() + ":" + ownerId + ":" + eventId;
    }
}
