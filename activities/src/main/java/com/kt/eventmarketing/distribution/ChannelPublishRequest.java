package com.kt.eventmarketing.distribution;

import java.time.Instant;
import java.util.Map;

/** Everything a channel adapter needs to post one event. (eventId, channel) is the idempotency key. */
public record ChannelPublishRequest(long eventId, ChannelType channel, Map<String, String> settings,
                                    String storeName, String title, String prize, String guide, String imageUrl,
                                    String participationUrl, Instant startAt, Instant endAt) {

    public String idempotencyKey() {
        return "event-" + eventId + "-" + channel.name();
    }
}
