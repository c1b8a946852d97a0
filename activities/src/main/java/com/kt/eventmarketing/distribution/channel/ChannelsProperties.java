package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** One block per channel: {@code kt.external.channels.<channel>.*}. */
@ConfigurationProperties("kt.external.channels")
public record ChannelsProperties(@DefaultValue ChannelEndpointProperties uridongnetv,
                                 @DefaultValue ChannelEndpointProperties ringobiz,
                                 @DefaultValue ChannelEndpointProperties ginitv,
                                 @DefaultValue ChannelEndpointProperties instagram,
                                 @DefaultValue ChannelEndpointProperties naverBlog,
                                 @DefaultValue ChannelEndpointProperties kakaoChannel) {

    public ChannelEndpointProperties of(ChannelType channel) {
        return switch (channel) {
            case URIDONGNETV -> uridongnetv;
            case RINGOBIZ -> ringobiz;
            case GINITV -> ginitv;
            case INSTAGRAM -> instagram;
            case NAVER_BLOG -> naverBlog;
            case KAKAO_CHANNEL -> kakaoChannel;
        };
    }
}
