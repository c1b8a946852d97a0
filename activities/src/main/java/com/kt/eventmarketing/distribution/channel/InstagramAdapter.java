package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Instagram Graph content publishing: create a media container from the image URL and caption, then publish it.
 * Both steps carry the same idempotency key, so a retry after either step neither duplicates nor loses the post.
 */
@Component
public class InstagramAdapter implements ChannelAdapter {

    private final ChannelConnection connection;

    public InstagramAdapter(ChannelConnections connections) {
        this.connection = connections.of(ChannelType.INSTAGRAM);
    }

    record GraphId(String id) {
    }

    record Media(String id, String permalink) {
    }

    @Override
    public ChannelType channel() {
        return ChannelType.INSTAGRAM;
    }

    @Override
    public ChannelPublishResult publish(ChannelPublishRequest request) {
        String user = connection.accountId();
        GraphId container = connection.call(http -> http.post()
                .uri(uri -> uri.path("/{user}/media").queryParam("image_url", request.imageUrl())
                        .queryParam("caption", PostText.caption(request)).build(user))
                .header(ChannelConnection.IDEMPOTENCY_KEY, request.idempotencyKey())
                .retrieve().body(GraphId.class));
        GraphId media = connection.call(http -> http.post()
                .uri(uri -> uri.path("/{user}/media_publish").queryParam("creation_id", container.id()).build(user))
                .header(ChannelConnection.IDEMPOTENCY_KEY, request.idempotencyKey())
                .retrieve().body(GraphId.class));
        Media published = connection.call(http -> http.get()
                .uri(uri -> uri.path("/{media}").queryParam("fields", "id,permalink").build(media.id()))
                .retrieve().body(Media.class));
        return new ChannelPublishResult(ChannelType.INSTAGRAM, media.id(), published.permalink());
    }

    @Override
    public void retract(String externalId) {
        connection.call(http -> {
            try {
                return http.delete().uri("/{media}", externalId).retrieve().toBodilessEntity();
            } catch (HttpClientErrorException.NotFound alreadyGone) {
                return null;
            }
        });
    }
}
