package com.kt.eventmarketing.distribution;

import com.kt.eventmarketing.shared.TaskQueues;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;

import java.time.Duration;

/** Activities on the {@code distribution} task queue: one call per channel, so channels fail and retry alone. */
@ActivityInterface
public interface ChannelPublishActivities {

    /**
     * How the workflow calls these: at most 3 attempts, 1 s then 2 s apart (4 s cap), so a dead channel is reported
     * within seconds. Kept beside the interface, where the channel tests can use the very same options.
     */
    ActivityOptions OPTIONS = ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.DISTRIBUTION)
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(Duration.ofSeconds(4))
                    .setMaximumAttempts(3)
                    .build())
            .build();

    @ActivityMethod
    ChannelPublishResult publish(ChannelPublishRequest request);

    /** Takes a published post back; a no-op for channels that cannot retract. */
    @ActivityMethod
    void retract(ChannelRetractRequest request);
}
