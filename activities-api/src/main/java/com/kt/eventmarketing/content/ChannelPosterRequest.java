package com.kt.eventmarketing.content;

import com.kt.eventmarketing.distribution.ChannelType;

/** The final poster for one chosen channel, in that channel's size. */
public record ChannelPosterRequest(PosterRequest poster, ChannelType channel) {
}
