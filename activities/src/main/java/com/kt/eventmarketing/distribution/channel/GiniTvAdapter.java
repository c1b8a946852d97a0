package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelSettings;
import com.kt.eventmarketing.distribution.ChannelType;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/** KT 지니TV: registers a local TV ad. Channel setting {@code targetRegion} narrows where it airs. */
@Component
public class GiniTvAdapter implements ChannelAdapter {

    private final ChannelConnection connection;

    public GiniTvAdapter(ChannelConnections connections) {
        this.connection = connections.of(ChannelType.GINITV);
    }

    record AdRequest(String title, String imageUrl, String landingUrl, String targetRegion, String startAt,
                     String endAt) {
    }

    record AdResponse(String adId, String status) {
    }

    @Override
    public ChannelType channel() {
        return ChannelType.GINITV;
    }

    @Override
    public ChannelPublishResult publish(ChannelPublishRequest request) {
        String region = request.settings() == null ? null : request.settings().get(ChannelSettings.TARGET_REGION);
        AdRequest ad = new AdRequest(PostText.headline(request), request.imageUrl(), request.participationUrl(),
                region, String.valueOf(request.startAt()), String.valueOf(request.endAt()));
        AdResponse response = connection.call(http -> http.post().uri("/ads")
                .contentType(MediaType.APPLICATION_JSON)
                .header(ChannelConnection.IDEMPOTENCY_KEY, request.idempotencyKey())
                .body(ad)
                .retrieve().body(AdResponse.class));
        return new ChannelPublishResult(ChannelType.GINITV, response.adId(), null);
    }

    @Override
    public void retract(String externalId) {
        connection.call(http -> {
            try {
                return http.delete().uri("/ads/{id}", externalId).retrieve().toBodilessEntity();
            } catch (HttpClientErrorException.NotFound alreadyGone) {
                return null;
            }
        });
    }
}
