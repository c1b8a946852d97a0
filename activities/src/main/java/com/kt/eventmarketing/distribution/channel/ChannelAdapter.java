package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelType;

/** Speaks one channel's API. Publishing sends the request's idempotency key; failures are ApplicationFailures. */
public interface ChannelAdapter {

    ChannelType channel();

    ChannelPublishResult publish(ChannelPublishRequest request);

    /** Takes the post down; a post that is already gone counts as retracted. Only for retractable channels. */
    default void retract(String externalId) {
        throw new UnsupportedOperationException(channel() + " cannot retract a post");
    }
}
