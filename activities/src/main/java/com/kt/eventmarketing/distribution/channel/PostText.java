package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelPublishRequest;

/** The event's text as the channels show it. */
final class PostText {

    private PostText() {
    }

    static String headline(ChannelPublishRequest request) {
        return "[" + request.storeName() + "] " + request.title();
    }

    static String caption(ChannelPublishRequest request) {
        StringBuilder text = new StringBuilder(headline(request)).append("\n경품: ").append(request.prize());
        if (request.guide() != null && !request.guide().isBlank()) {
            text.append("\n").append(request.guide());
        }
        return text.append("\n참여하기: ").append(request.participationUrl()).toString();
    }
}
