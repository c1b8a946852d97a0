package com.kt.eventmarketing.sandbox.channel;

import com.kt.eventmarketing.sandbox.fault.EndpointGroup;

import java.time.Instant;
import java.util.Map;

/** Something a channel published (a post, an ad, a slot, a message). */
public record ChannelPost(String id, EndpointGroup group, Instant createdAt, Map<String, Object> content,
                          boolean deleted) {

    ChannelPost markDeleted() {
        return new ChannelPost(id, group, createdAt, content, true);
    }
}
