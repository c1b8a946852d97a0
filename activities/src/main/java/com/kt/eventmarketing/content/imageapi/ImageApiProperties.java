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
 * @param squareSize    size asked for square platforms; must be one the model supports (OpenAI: 1024x1024)
 * @param landscapeSize size asked for wide platforms (gpt-image-1: 1536x1024, dall-e-3: 1792x1024)
 * @param portraitSize  size asked for tall platforms (gpt-image-1: 1024x1536, dall-e-3: 1024x1792)
 *                      <p>The answer is scaled and centre-cropped to the platform's exact size: the image APIs reject
 *                      arbitrary sizes such as 1080x1080 or 800x600.
 * @param rateLimitCalls  image API calls this process may start per {@code rateLimitPeriod}: the provider's quota
 *                        (e.g. images per minute of the account's tier) divided by the number of content pools. The
 *                        default, 50 a second, is a guard against a runaway loop, not anybody's quota: 10 a second
 *                        already held ten owners' 30 art calls for 3 s on the sandbox; production sets its tier.
 *                        Only the calls are limited, not the content queue: composing posters never reaches the
 *                        provider and must not wait behind its quota.
 * @param rateLimitPeriod the period the quota refills in
 * @param rateLimitWait   how long a call may wait for the quota; after that the poster gets the built-in art
 */
@ConfigurationProperties("kt.external.images")
public record ImageApiProperties(@DefaultValue("true") boolean enabled,
                                 URI baseUrl,
                                 @DefaultValue("gpt-image-1") String model,
                                 @DefaultValue("sandbox") String apiKey,
                                 @DefaultValue("60s") Duration readTimeout,
                                 @DefaultValue("1024x1024") String squareSize,
                                 @DefaultValue("1536x1024") String landscapeSize,
                                 @DefaultValue("1024x1536") String portraitSize,
                                 @DefaultValue("50") int rateLimitCalls,
                                 @DefaultValue("1s") Duration rateLimitPeriod,
                                 @DefaultValue("30s") Duration rateLimitWait) {

    public ImageApiProperties {
        if (rateLimitCalls < 1) {
            throw new IllegalArgumentException("kt.external.images.rate-limit-calls must be at least 1, was " + rateLimitCalls);
        }
        if (rateLimitPeriod == null || rateLimitPeriod.isZero() || rateLimitPeriod.isNegative()) {
            throw new IllegalArgumentException("kt.external.images.rate-limit-period must be positive, was " + rateLimitPeriod);
        }
        if (rateLimitWait == null || rateLimitWait.isNegative()) {
            throw new IllegalArgumentException("kt.external.images.rate-limit-wait must not be negative, was " + rateLimitWait);
        }
    }

    /** The supported size with the same orientation as the wanted one. */
    public String sizeFor(int width, int height) {
        if (width == height) {
            return squareSize;
        }
        return width > height ? landscapeSize : portraitSize;
    }

    @Override
    public String toString() {
        return "ImageApiProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=***, readTimeout=" + readTimeout + ", sizes=" + squareSize + "/" + landscapeSize + "/"
                + portraitSize + ", rateLimit=" + rateLimitCalls + "/" + rateLimitPeriod + " (wait " + rateLimitWait + ")]";
    }
}
