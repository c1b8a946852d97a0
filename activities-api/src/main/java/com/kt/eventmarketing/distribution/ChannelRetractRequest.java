package com.kt.eventmarketing.distribution;

public record ChannelRetractRequest(long eventId, ChannelType channel, String externalId) {
}
