package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.gateway.security.OwnerPrincipal;
import com.kt.eventmarketing.gateway.security.TokenValidity;
import com.kt.eventmarketing.gateway.web.TooManyRequestsException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events: the summary of an event, pushed when its projection version changes. One poller per gateway
 * compares the versions of every watched event in one query ({@code kt.analytics.stream-poll}, 500 ms), so it works
 * whichever process ran the consumer that changed them. Event name {@code summary}; a comment every 15 s keeps
 * proxies from closing an idle stream. A stream lives no longer than the access token that opened it: it ends when
 * the token expires, and within {@code AUTH_RECHECK_MILLIS} of a logout or password change revoking it.
 */
@Component
public class AnalyticsStream implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AnalyticsStream.class);
    private static final long HEARTBEAT_MILLIS = 15_000;
    private static final long AUTH_RECHECK_MILLIS = 2_000;
    private static final Duration RETRY_STREAM_AFTER = Duration.ofSeconds(30);

    private final AnalyticsService analytics;
    private final AnalyticsProperties properties;
    private final TokenValidity tokenValidity;
    private final StreamLimitsProperties limits;
    private final Map<Long, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "analytics-sse");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastHeartbeat = System.currentTimeMillis();
    private volatile long lastAuthCheck = System.currentTimeMillis();
    private volatile boolean running;

    private static final class Subscriber {
        final OwnerPrincipal owner;
        final long ownerId;
        final SseEmitter emitter;
        volatile long version;

        Subscriber(OwnerPrincipal owner, SseEmitter emitter, long version) {
            this.owner = owner;
            this.ownerId = owner.userId();
            this.emitter = emitter;
            this.version = version;
        }
    }

    public AnalyticsStream(AnalyticsService analytics, AnalyticsProperties properties, TokenValidity tokenValidity,
                           StreamLimitsProperties limits, MeterRegistry meters) {
        this.analytics = analytics;
        this.limits = limits;
        this.properties = properties;
        this.tokenValidity = tokenValidity;
        long period = Math.max(50, properties.streamPoll().toMillis());
        poller.scheduleWithFixedDelay(this::poll, period, period, TimeUnit.MILLISECONDS);
        Gauge.builder("kt.analytics.stream.subscribers", subscribers, s -> s.values().stream().mapToInt(List::size).sum())
                .description("open analytics SSE connections").register(meters);
    }

    /**
     * Checks ownership (404 otherwise) and the stream caps (429), sends the current summary at once and registers
     * for changes.
     */
    public synchronized SseEmitter subscribe(OwnerPrincipal owner, long eventId) {
        AnalyticsViews.Summary summary = analytics.summary(owner.userId(), eventId);
        List<Subscriber> open = subscribers.values().stream().flatMap(List::stream).toList();
        if (open.size() >= limits.total()) {
            throw new TooManyRequestsException("streams-total", RETRY_STREAM_AFTER,
                    "this server holds its maximum of " + limits.total() + " live streams; try again shortly");
        }
        if (open.stream().filter(s -> s.ownerId == owner.userId()).count() >= limits.perOwner()) {
            throw new TooManyRequestsException("streams-per-owner", RETRY_STREAM_AFTER, "at most "
                    + limits.perOwner() + " live streams per owner; close another tab or wait for one to end");
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(owner, emitter, summary.version());
        List<Subscriber> list = subscribers.computeIfAbsent(eventId, id -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        Runnable remove = () -> {
            List<Subscriber> current = subscribers.get(eventId);
            if (current != null) {
                current.remove(subscriber);
                subscribers.computeIfPresent(eventId, (id, l) -> l.isEmpty() ? null : l);
            }
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(eventId, subscriber, summary);
        return emitter;
    }

    void poll() {
        try {
            if (subscribers.isEmpty()) {
                return;
            }
            endStreamsOfInvalidTokens();
            List<Long> watched = new ArrayList<>(subscribers.keySet());
            Map<Long, Long> versions = analytics.versions(watched);
            for (Long eventId : watched) {
                long version = versions.getOrDefault(eventId, 0L);
                List<Subscriber> list = subscribers.getOrDefault(eventId, List.of());
                Map<Long, AnalyticsViews.Summary> byOwner = new ConcurrentHashMap<>();
                for (Subscriber s : list) {
                    if (s.version != version) {
                        AnalyticsViews.Summary summary = byOwner.computeIfAbsent(s.ownerId, o -> analytics.summary(o, eventId));
                        s.version = summary.version();
                        send(eventId, s, summary);
                    }
                }
            }
            long now = System.currentTimeMillis();
            if (now - lastHeartbeat >= HEARTBEAT_MILLIS) {
                lastHeartbeat = now;
                subscribers.forEach((eventId, list) -> list.forEach(s -> {
                    try {
                        s.emitter.send(SseEmitter.event().comment("keep-alive"));
                    } catch (IOException | IllegalStateException e) {
                        s.emitter.completeWithError(e);
                    }
                }));
            }
        } catch (RuntimeException e) {
            log.warn("analytics stream poll failed: {}", e.toString());
        }
    }

    /** Expiry on every poll (a comparison); revocation every few seconds (a Redis look-up per stream). */
    private void endStreamsOfInvalidTokens() {
        long now = System.currentTimeMillis();
        boolean recheck = now - lastAuthCheck >= AUTH_RECHECK_MILLIS;
        if (recheck) {
            lastAuthCheck = now;
        }
        Instant instant = Instant.ofEpochMilli(now);
        subscribers.forEach((eventId, list) -> list.forEach(s -> {
            if (!instant.isBefore(s.owner.expiresAt()) || recheck && !tokenValidity.isValid(s.owner)) {
                list.remove(s);
                s.emitter.complete();
            }
        }));
    }

    private void send(long eventId, Subscriber subscriber, AnalyticsViews.Summary summary) {
        try {
            subscriber.emitter.send(SseEmitter.event().name("summary").id(Long.toString(summary.version()))
                    .data(summary, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            log.debug("analytics stream of event {} closed: {}", eventId, e.toString());
            List<Subscriber> list = subscribers.get(eventId);
            if (list != null) {
                list.remove(subscriber);
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream. In the default phase this runs before the web server's graceful shutdown, which
     * would otherwise wait its whole timeout for these never-ending requests; clients reconnect to another gateway.
     */
    @Override
    public void stop() {
        running = false;
        completeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        poller.shutdownNow();
        completeAll();
    }

    private void completeAll() {
        subscribers.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
        subscribers.clear();
    }
}
