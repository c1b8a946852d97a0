package com.kt.eventmarketing.shared.resilience;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Keeps an activity heartbeating while it waits on one long blocking call. A model or image call may legitimately
 * take longer than the activity's heartbeat timeout (a 60 s read timeout against a 2-minute heartbeat timeout leaves
 * little room once the correction retry is counted); heartbeating only between calls would let Temporal declare a
 * healthy worker dead. A small shared scheduler heartbeats at a third of the heartbeat timeout during the call; the
 * SDK throttles what actually goes to the server. The execution context may be used from another thread.
 */
public final class Heartbeats {

    /** Used when the activity has no heartbeat timeout: heartbeats are then only progress reports. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    private static final Duration MIN_INTERVAL = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "activity-heartbeat-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Heartbeats() {
    }

    /** Runs the call on the current activity's thread, heartbeating {@code details} until it returns or throws. */
    public static <T> T during(Object details, Supplier<T> call) {
        return during(Activity.getExecutionContext(), details, call);
    }

    /**
     * As {@link #during(Object, Supplier)} with an explicit context. When the server has meanwhile cancelled or timed
     * out the activity, the heartbeat's {@link ActivityCompletionException} is rethrown once the call has returned.
     */
    public static <T> T during(ActivityExecutionContext context, Object details, Supplier<T> call) {
        context.heartbeat(details);
        long intervalMillis = interval(context.getInfo().getHeartbeatTimeout()).toMillis();
        AtomicReference<ActivityCompletionException> stopped = new AtomicReference<>();
        ScheduledFuture<?> beating = SCHEDULER.scheduleAtFixedRate(() -> {
            try {
                context.heartbeat(details);
            } catch (ActivityCompletionException e) {
                stopped.set(e);
                throw e; // ends the schedule: there is nobody left to report to
            } catch (RuntimeException e) {
                log.debug("heartbeat failed, trying again in {} ms: {}", intervalMillis, e.toString());
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        T result;
        try {
            result = call.get();
        } finally {
            beating.cancel(false);
        }
        ActivityCompletionException completion = stopped.get();
        if (completion != null) {
            throw completion;
        }
        return result;
    }

    /** A third of the heartbeat timeout, so two heartbeats may be lost before the server gives up on us. */
    static Duration interval(Duration heartbeatTimeout) {
        if (heartbeatTimeout == null || heartbeatTimeout.isZero() || heartbeatTimeout.isNegative()) {
            return DEFAULT_INTERVAL;
        }
        Duration third = heartbeatTimeout.dividedBy(3);
        return third.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : third;
    }
}
