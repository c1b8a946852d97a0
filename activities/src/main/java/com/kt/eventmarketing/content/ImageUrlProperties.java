package com.kt.eventmarketing.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * @param baseUrl public root of the gateway that serves stored images (env {@code KT_PUBLIC_BASE_URL})
 */
@ConfigurationProperties("kt.public")
public record ImageUrlProperties(@DefaultValue("http://127.0.0.1:8080") URI baseUrl) {

    public String imageUrl(String imageId) {
        return baseUrl.toString().replaceAll("/+$", "") + "/api/v1/images/" + imageId + ".png";
    }
}
