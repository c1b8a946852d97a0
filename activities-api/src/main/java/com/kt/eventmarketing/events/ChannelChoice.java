package com.kt.eventmarketing.events;

import com.kt.eventmarketing.participation.AutoDraw;

import java.time.Instant;
import java.util.List;

/**
 * The channels and the period of the event, and optionally an automatic winner draw at its end ({@code null}:
 * the owner draws by hand).
 */
public record ChannelChoice(List<ChannelSelection> channels, Instant startAt, Instant endAt, AutoDraw autoDraw) {
}
