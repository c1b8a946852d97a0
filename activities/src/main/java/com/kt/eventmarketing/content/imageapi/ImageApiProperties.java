package com.kt.eventmarketing.content.imageapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The OpenAI-compatible image API tried before the built-in renderer.
 *
 * @param enabled     false draws every image with the renderer
 * @param baseUrl     API root including the version path; default {@code kt.external.base-url} + {@code /v1}
 * @param model       image model name
 * @param apiKey      bearer token; never logged
 * @param readTimeout how long one image may take
 */
@ConfigurationProperties("kt.external.images")
public record ImageApiProperties(@DefaultValue("true") boolean enabled,
                                 URI baseUrl,
                                 @DefaultValue("gpt-image-1") String model,
                                 @DefaultValue("sandbox") String apiKey,
                                 @DefaultValue("60s") Duration readTimeout) {

    @Override
    public String toString() {
        return "ImageApiProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=***, readTimeout=" + readTimeout + "]";
    }
}
