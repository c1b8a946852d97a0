package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelType;

import java.util.Map;

/** One chosen channel with its channel-specific settings (radius, time slots, …). */
public record ChannelSelection(ChannelType type, Map<String, String> settings) {
}
