package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelPublishActivities;
import com.kt.eventmarketing.shared.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;

import java.time.Duration;

/** Timeouts and retry policies per task queue, as the design sets them. */
final class EventActivityOptions {
    private EventActivityOptions() {
    }

    /** AI: slow and flaky providers; 5-minute budget per attempt, heartbeats between provider calls. */
    static final ActivityOptions AI = ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.AI)
            .setStartToCloseTimeout(Duration.ofMinutes(5))
            .setHeartbeatTimeout(Duration.ofMinutes(2))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(2))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(Duration.ofMinutes(1))
                    .setMaximumAttempts(5)
                    .build())
            .build();

    /** Images: same budget as AI; the renderer fallback lives inside the activity. */
    static final ActivityOptions CONTENT = AI.toBuilder().setTaskQueue(TaskQueues.CONTENT).build();

    /** Channels: {@link ChannelPublishActivities#OPTIONS}, which the channel outage test runs with. */
    static final ActivityOptions DISTRIBUTION = ChannelPublishActivities.OPTIONS;

    /** Database writes: retried until the database is back, since losing them is not an option. */
    static final ActivityOptions CORE = ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.CORE)
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofMillis(500))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(Duration.ofSeconds(30))
                    .build())
            .build();
}
