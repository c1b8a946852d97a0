package com.kt.eventmarketing.distribution.channel;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach one channel.
 *
 * @param baseUrl     the channel API root; default {@code kt.external.base-url} + the channel's sandbox path
 * @param accessToken bearer token of the shop's account on the channel; never logged
 * @param accountId   the account the post goes to (Instagram user id, Kakao channel public id, partner id)
 * @param readTimeout how long one call may take; distribution as a whole should finish within a minute
 */
public record ChannelEndpointProperties(URI baseUrl,
                                        @DefaultValue("sandbox") String accessToken,
                                        @DefaultValue("17841400000") String accountId,
                                        @DefaultValue("10s") Duration readTimeout) {

    @Override
    public String toString() {
        return "ChannelEndpointProperties[baseUrl=" + baseUrl + ", accessToken=***, accountId=" + accountId
                + ", readTimeout=" + readTimeout + "]";
    }
}
