package com.kt.eventmarketing.distribution;

import java.time.Instant;
import java.util.Map;

/**
 * Everything a channel adapter needs to post one event. (eventId, channel) is the idempotency key.
 * {@code imageUrl} is the channel's own poster (null for channels without an image). {@code participationUrl} is
 * the link the post carries: the activity replaces what the workflow sent by the channel's marked link.
 */
public record ChannelPublishRequest(long eventId, ChannelType channel, Map<String, String> settings,
                                    String storeName, String title, String prize, String guide, String imageUrl,
                                    String participationUrl, Instant startAt, Instant endAt) {

    public ChannelPublishRequest linkingTo(String link) {
        return new ChannelPublishRequest(eventId, channel, settings, storeName, title, prize, guide, imageUrl, link,
                startAt, endAt);
    }

    public String idempotencyKey() {
        return "event-" + eventId + "-" + channel.name();
    }
}
