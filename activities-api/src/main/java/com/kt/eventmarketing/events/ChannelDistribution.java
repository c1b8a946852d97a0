package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelType;

/**
 * Distribution state of one channel. {@code attempts} counts publish rounds (the first one and each owner
 * retry), each of which is up to three activity attempts. {@code imageUrl} is the poster the post carries: the
 * channel's own, in its size (null for the ring-back tone, and before the poster is drawn).
 */
public record ChannelDistribution(ChannelType channel, DistributionStatus status, int attempts, String lastError,
                                  String externalId, String postUrl, String imageUrl) {
}
