package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelSettings;
import com.kt.eventmarketing.distribution.ChannelType;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/** KT 링고비즈: a ring-back tone text announcing the event to everyone who calls the shop (the owner's own text if set). */
@Component
public class RingobizAdapter implements ChannelAdapter {

    private final ChannelConnection connection;

    public RingobizAdapter(ChannelConnections connections) {
        this.connection = connections.of(ChannelType.RINGOBIZ);
    }

    record ToneRequest(String text, String startAt, String endAt) {
    }

    record ToneResponse(String ringbackToneId, String status) {
    }

    @Override
    public ChannelType channel() {
        return ChannelType.RINGOBIZ;
    }

    @Override
    public ChannelPublishResult publish(ChannelPublishRequest request) {
        String owners = request.settings() == null ? null : request.settings().get(ChannelSettings.RINGBACK_TEXT);
        String text = owners != null ? owners.strip() : "안녕하세요, %s입니다. 지금 %s 이벤트 중! 경품은 %s입니다."
                .formatted(request.storeName(), request.title(), request.prize());
        ToneRequest tone = new ToneRequest(text, String.valueOf(request.startAt()), String.valueOf(request.endAt()));
        ToneResponse response = connection.call(http -> http.post().uri("/ringback-tones")
                .contentType(MediaType.APPLICATION_JSON)
                .header(ChannelConnection.IDEMPOTENCY_KEY, request.idempotencyKey())
                .body(tone)
                .retrieve().body(ToneResponse.class));
        return new ChannelPublishResult(ChannelType.RINGOBIZ, response.ringbackToneId(), null);
    }

    @Override
    public void retract(String externalId) {
        connection.call(http -> {
            try {
                return http.delete().uri("/ringback-tones/{id}", externalId).retrieve().toBodilessEntity();
            } catch (HttpClientErrorException.NotFound alreadyGone) {
                return null;
            }
        });
    }
}
