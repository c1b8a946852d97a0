package com.kt.eventmarketing.events;

import java.time.Instant;
import java.util.List;

/** The channels and the period of the event. */
public record ChannelChoice(List<ChannelSelection> channels, Instant startAt, Instant endAt) {
}
