package com.kt.eventmarketing.distribution.stats;

import com.kt.eventmarketing.distribution.ChannelType;

import java.time.Instant;

/**
 * What a channel reports about one post. Views-type channels fill impressions/views/clicks; 링고비즈 fills
 * calls/completedCalls/averageCallSeconds (a call that heard the ring-back tone counts as an impression).
 */
public record ChannelStats(ChannelType channel, Long impressions, Long views, Long clicks, Long calls,
                           Long completedCalls, Double averageCallSeconds, Instant measuredAt) {
}
