package com.kt.eventmarketing.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where customers and owners reach the gateway from outside: stored images and participation pages (and the QR
 * codes drawn into images) point here.
 *
 * @param baseUrl public root of the gateway (env {@code KT_PUBLIC_BASE_URL})
 */
@ConfigurationProperties("kt.public")
public record PublicUrlProperties(@DefaultValue("http://127.0.0.1:8080") URI baseUrl) {

    public String imageUrl(String imageId) {
        return root() + "/api/v1/images/" + imageId + ".png";
    }

    public String participationUrl(long eventId) {
        return root() + "/api/v1/public/events/" + eventId;
    }

    private String root() {
        return baseUrl.toString().replaceAll("/+$", "");
    }
}
