package com.kt.eventmarketing.distribution;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Activities on the {@code distribution} task queue: one call per channel, so channels fail and retry alone. */
@ActivityInterface
public interface ChannelPublishActivities {

    @ActivityMethod
    ChannelPublishResult publish(ChannelPublishRequest request);

    /** Takes a published post back; a no-op for channels that cannot retract. */
    @ActivityMethod
    void retract(ChannelRetractRequest request);
}
