package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelType;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.util.HtmlUtils;

/** Naver Blog write API: a form post whose contents are HTML with the event image. */
@Component
public class NaverBlogAdapter implements ChannelAdapter {

    private final ChannelConnection connection;

    public NaverBlogAdapter(ChannelConnections connections) {
        this.connection = connections.of(ChannelType.NAVER_BLOG);
    }

    record Result(String logNo, String postUrl) {
    }

    record Message(Result result) {
    }

    record WriteResponse(Message message) {
    }

    @Override
    public ChannelType channel() {
        return ChannelType.NAVER_BLOG;
    }

    @Override
    public ChannelPublishResult publish(ChannelPublishRequest request) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("title", PostText.headline(request));
        form.add("contents", "<img src=\"" + HtmlUtils.htmlEscape(request.imageUrl()) + "\"><p>"
                + HtmlUtils.htmlEscape(PostText.caption(request)).replace("\n", "<br>") + "</p>");
        WriteResponse response = connection.call(http -> http.post().uri("/writePost.json")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(ChannelConnection.IDEMPOTENCY_KEY, request.idempotencyKey())
                .body(form)
                .retrieve().body(WriteResponse.class));
        Result result = response.message().result();
        return new ChannelPublishResult(ChannelType.NAVER_BLOG, result.logNo(), result.postUrl());
    }

    @Override
    public void retract(String externalId) {
        connection.call(http -> {
            try {
                return http.delete().uri("/posts/{logNo}", externalId).retrieve().toBodilessEntity();
            } catch (HttpClientErrorException.NotFound alreadyGone) {
                return null;
            }
        });
    }
}
