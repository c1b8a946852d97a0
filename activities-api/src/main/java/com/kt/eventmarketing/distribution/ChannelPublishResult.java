package com.kt.eventmarketing.distribution;

/** A post that the channel accepted. */
public record ChannelPublishResult(ChannelType channel, String externalId, String postUrl) {
}
