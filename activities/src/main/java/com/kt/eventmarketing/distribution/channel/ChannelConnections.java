package com.kt.eventmarketing.distribution.channel;

import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.shared.resilience.ExternalCallGuard;
import com.kt.eventmarketing.shared.resilience.RestClientFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** One {@link ChannelConnection} per channel, built from {@code kt.external.channels.<channel>.*}. */
@Component
public class ChannelConnections {

    private final Map<ChannelType, ChannelConnection> connections = new EnumMap<>(ChannelType.class);

    public ChannelConnections(ChannelsProperties properties, RestClientFactory clients, ExternalCallGuard guard) {
        for (ChannelType channel : ChannelType.values()) {
            ChannelEndpointProperties endpoint = properties.of(channel);
            var http = clients.builder(endpoint.baseUrl(), defaultPath(channel), endpoint.readTimeout())
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + endpoint.accessToken())
                    .build();
            connections.put(channel, new ChannelConnection(breakerName(channel), http, endpoint.accountId(), guard));
        }
    }

    public ChannelConnection of(ChannelType channel) {
        return connections.get(channel);
    }

    /** Circuit breaker and bulkhead name, also the metrics tag: {@code channel-instagram}. */
    public static String breakerName(ChannelType channel) {
        return "channel-" + channel.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Where each channel lives in the sandbox (and, with the real host as base URL, at the provider). */
    private static String defaultPath(ChannelType channel) {
        return switch (channel) {
            case URIDONGNETV -> "/kt/uridongnetv/v1";
            case RINGOBIZ -> "/kt/ringobiz/v1";
            case GINITV -> "/kt/ginitv/v1";
            case INSTAGRAM -> "/instagram/v21.0";
            case NAVER_BLOG -> "/naver/blog";
            case KAKAO_CHANNEL -> "/kakao/v1/api/talk/channels";
        };
    }
}
