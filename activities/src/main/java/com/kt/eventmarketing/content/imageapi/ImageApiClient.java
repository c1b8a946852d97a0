package com.kt.eventmarketing.content.imageapi;

import com.kt.eventmarketing.shared.resilience.ExternalCallGuard;
import com.kt.eventmarketing.shared.resilience.RestClientFactory;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.Base64;
import java.util.List;

/**
 * OpenAI-compatible {@code POST /images/generations}, asking for base64 image data, within the provider's quota
 * ({@link ImageApiProperties#rateLimitCalls()}; metrics {@code resilience4j.ratelimiter.*}, tag {@code name=images}).
 */
@Component
public class ImageApiClient {

    public static final String BREAKER = "images";
    /** Failure type of a call that found the quota used up for longer than it may wait. */
    public static final String RATE_LIMITED = "ImageApiRateLimited";

    private final RestClient http;
    private final ExternalCallGuard guard;
    private final ImageApiProperties properties;
    private final RateLimiter quota;

    @Autowired
    public ImageApiClient(ImageApiProperties properties, RestClientFactory clients, ExternalCallGuard guard,
                          ObjectProvider<MeterRegistry> meters) {
        this(properties, clients, guard, meters.getIfAvailable());
    }

    /** For tests and tools; {@code meters} may be null. */
    public ImageApiClient(ImageApiProperties properties, RestClientFactory clients, ExternalCallGuard guard,
                          MeterRegistry meters) {
        this.properties = properties;
        this.guard = guard;
        RateLimiterRegistry limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.rateLimitCalls())
                .limitRefreshPeriod(properties.rateLimitPeriod())
                .timeoutDuration(properties.rateLimitWait())
                .build());
        this.quota = limiters.rateLimiter(BREAKER);
        if (meters != null) {
            TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(meters);
        }
        this.http = clients.builder(properties.baseUrl(), "/v1", properties.readTimeout())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.apiKey())
                .build();
    }

    record GenerationRequest(String model, String prompt, int n, String size, String response_format) {
    }

    record ImageData(String b64_json) {
    }

    record GenerationResponse(List<ImageData> data) {
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * The image bytes as the provider sent them, in the supported size of the same orientation as width × height
     * (never the platform size itself, which the real API rejects with 400); the caller fits it to the platform.
     */
    public byte[] generate(String prompt, int width, int height) {
        GenerationRequest request = new GenerationRequest(properties.model(), prompt, 1,
                properties.sizeFor(width, height), "b64_json");
        try {
            RateLimiter.waitForPermission(quota);
        } catch (RequestNotPermitted e) {
            throw ApplicationFailure.newFailure("image API quota of " + properties.rateLimitCalls() + " calls per "
                    + properties.rateLimitPeriod() + " used up for longer than " + properties.rateLimitWait(), RATE_LIMITED);
        }
        GenerationResponse response = guard.call(BREAKER, () -> http.post().uri("/images/generations")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(GenerationResponse.class));
        if (response == null || response.data() == null || response.data().isEmpty()
                || response.data().get(0).b64_json() == null) {
            throw ApplicationFailure.newFailure("image API answered without image data", "ImageApiEmptyAnswer");
        }
        return Base64.getDecoder().decode(response.data().get(0).b64_json());
    }
}
