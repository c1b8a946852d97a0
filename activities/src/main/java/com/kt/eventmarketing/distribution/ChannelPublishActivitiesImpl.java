package com.kt.eventmarketing.distribution;

import com.kt.eventmarketing.distribution.channel.ChannelAdapter;
import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.shared.WorkerComponent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes to and retracts from one channel per call, through that channel's adapter. Every post links to the
 * event's page marked with its channel ({@code ?via=INSTAGRAM}), so entries are counted per channel.
 * <p>
 * Counts each real outcome in {@value #POSTS_METRIC} (tags {@code channel}, {@code outcome}): {@code published}
 * the first time a post's idempotency key comes back accepted (a retry that the channel answered from its
 * idempotency record after our first answer got lost is not a second post), {@code failed} when the attempt that
 * failed was the last one Temporal will make (non-retryable, or the retry policy's maximum reached; earlier
 * attempts are retries, visible in {@code temporal_activity_execution_failed}), {@code retracted} once per post
 * taken back. The de-duplication is per process (the last {@value #REMEMBERED_KEYS} keys): a repeat that lands on
 * another pool replica after a lost completion can still count twice.
 */
@WorkerComponent
public class ChannelPublishActivitiesImpl implements ChannelPublishActivities {
    public static final String POSTS_METRIC = "kt.distribution.posts";
    static final int REMEMBERED_KEYS = 10_000;

    private final Map<ChannelType, ChannelAdapter> adapters = new EnumMap<>(ChannelType.class);
    private final PublicUrlProperties urls;
    private final MeterRegistry meters;
    private final Set<String> counted = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_KEYS;
                }
            }));

    @Autowired
    public ChannelPublishActivitiesImpl(List<ChannelAdapter> adapters, PublicUrlProperties urls,
                                        ObjectProvider<MeterRegistry> meters) {
        this(adapters, urls, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    public ChannelPublishActivitiesImpl(List<ChannelAdapter> adapters, PublicUrlProperties urls, MeterRegistry meters) {
        this.urls = urls;
        this.meters = meters;
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
        for (ChannelType channel : ChannelType.values()) {
            if (!this.adapters.containsKey(channel)) {
                throw new IllegalStateException("no adapter for channel " + channel);
            }
        }
    }

    @Override
    public ChannelPublishResult publish(ChannelPublishRequest request) {
        ChannelPublishResult result;
        try {
            result = adapters.get(request.channel()).publish(request.linkingTo(
                    urls.participationUrl(request.eventId(), request.channel().name())));
        } catch (RuntimeException e) {
            if (isLastAttempt(e, currentActivity())) {
                count(request.channel(), "failed");
            }
            throw e;
        }
        if (counted.add("publish " + request.idempotencyKey())) {
            count(request.channel(), "published");
        }
        return result;
    }

    @Override
    public void retract(ChannelRetractRequest request) {
        if (request.channel().retractable() && request.externalId() != null) {
            adapters.get(request.channel()).retract(request.externalId());
            if (counted.add("retract " + request.channel() + " " + request.externalId())) {
                count(request.channel(), "retracted");
            }
        }
    }

    private void count(ChannelType channel, String outcome) {
        Counter.builder(POSTS_METRIC).description("channel posts by real outcome (not per retry attempt)")
                .tag("channel", channel.name()).tag("outcome", outcome).register(meters).increment();
    }

    /** The running activity's info; null when called outside Temporal (tests call the methods directly). */
    private static ActivityInfo currentActivity() {
        try {
            return Activity.getExecutionContext().getInfo();
        } catch (IllegalStateException notInAnActivity) {
            return null;
        }
    }

    /** Whether Temporal gives up after this failure: then it is the channel's outcome, not just an attempt. */
    static boolean isLastAttempt(RuntimeException failure, ActivityInfo activity) {
        ApplicationFailure application = failure instanceof ApplicationFailure a ? a : null;
        if (application != null && application.isNonRetryable()) {
            return true;
        }
        if (activity == null) {
            return true;
        }
        RetryOptions retry = activity.getRetryOptions();
        if (retry == null) {
            return false;
        }
        if (retry.getMaximumAttempts() > 0 && activity.getAttempt() >= retry.getMaximumAttempts()) {
            return true;
        }
        String type = application != null ? application.getType() : failure.getClass().getName();
        return retry.getDoNotRetry() != null && Arrays.asList(retry.getDoNotRetry()).contains(type);
    }
}
