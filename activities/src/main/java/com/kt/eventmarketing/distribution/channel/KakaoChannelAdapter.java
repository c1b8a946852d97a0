package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelType;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Kakao Channel message: a feed template sent to the channel's friends. Sent messages cannot be recalled. */
@Component
public class KakaoChannelAdapter implements ChannelAdapter {

    private final ChannelConnection connection;

    public KakaoChannelAdapter(ChannelConnections connections) {
        this.connection = connections.of(ChannelType.KAKAO_CHANNEL);
    }

    record SendResponse(String message_id) {
    }

    @Override
    public ChannelType channel() {
        return ChannelType.KAKAO_CHANNEL;
    }

    @Override
    public ChannelPublishResult publish(ChannelPublishRequest request) {
        Map<String, Object> template = Map.of("object_type", "feed", "content", Map.of(
                "title", PostText.headline(request),
                "description", "경품: " + request.prize(),
                "image_url", request.imageUrl(),
                "link", Map.of("web_url", request.participationUrl(), "mobile_web_url", request.participationUrl())));
        SendResponse response = connection.call(http -> http.post().uri("/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .header(ChannelConnection.IDEMPOTENCY_KEY, request.idempotencyKey())
                .body(Map.of("channel_public_id", connection.accountId(), "template_object", template))
                .retrieve().body(SendResponse.class));
        return new ChannelPublishResult(ChannelType.KAKAO_CHANNEL, response.message_id(), null);
    }
}
