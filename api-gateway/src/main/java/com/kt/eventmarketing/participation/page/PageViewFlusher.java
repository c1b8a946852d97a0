package com.kt.eventmarketing.participation.page;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import java.time.LocalDate;
import java.util.Set;

/**
 * Moves the page views buffered in Redis into PostgreSQL every {@code kt.page-views.flush-interval}. SPOP hands
 * each buffered visit to one gateway only; when the write fails the visits go back into the buffer. A visit
 * buffered twice (Redis forgot who was seen today) is counted once, by {@code page_visits}.
 */
@Component
class PageViewFlusher implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(PageViewFlusher.class);

    private final JedisPooled redis;
    private final PageViewStore store;
    private final PageViewProperties properties;

    PageViewFlusher(JedisPooled redis, PageViewStore store, PageViewProperties properties) {
        this.redis = redis;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::flush, properties.flushInterval());
    }

    /** Writes everything buffered now; returns the number of views counted. */
    int flush() {
        int counted = 0;
        try {
            Set<String> members;
            while (!(members = redis.spop(PageViews.PENDING, properties.batchSize())).isEmpty()) {
                try {
                    counted += store.count(members.stream().map(PageVisit::decode).toList());
                } catch (RuntimeException e) {
                    redis.sadd(PageViews.PENDING, members.toArray(String[]::new));
                    throw e;
                }
                if (members.size() < properties.batchSize()) {
                    break;
                }
            }
            store.forgetBefore(LocalDate.now(EventPages.SEOUL).minusDays(1));
        } catch (JedisException e) {
            log.debug("page views not flushed (Redis): {}", e.toString());
        } catch (RuntimeException e) {
            log.warn("page views not flushed, kept in Redis for the next round: {}", e.toString());
        }
        return counted;
    }
}
