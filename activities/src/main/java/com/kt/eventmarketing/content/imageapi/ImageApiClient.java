package com.kt.eventmarketing.content.imageapi;

import com.kt.eventmarketing.shared.resilience.ExternalCallGuard;
import com.kt.eventmarketing.shared.resilience.RestClientFactory;
import io.temporal.failure.ApplicationFailure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.Base64;
import java.util.List;

/** OpenAI-compatible {@code POST /images/generations}, asking for base64 image data. */
@Component
public class ImageApiClient {

    public static final String BREAKER = "images";

    private final RestClient http;
    private final ExternalCallGuard guard;
    private final ImageApiProperties properties;

    public ImageApiClient(ImageApiProperties properties, RestClientFactory clients, ExternalCallGuard guard) {
        this.properties = properties;
        this.guard = guard;
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
