package com.kt.eventmarketing.ai.client;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The AI provider used for trend analysis and recommendations.
 *
 * @param provider    {@code openai} (chat completions) or {@code anthropic} (Messages API)
 * @param baseUrl     API root including the version path; default {@code kt.external.base-url} + {@code /v1}
 * @param model       model name; default depends on the provider
 * @param apiKey      sent as bearer token (OpenAI) or x-api-key (Anthropic); the sandbox accepts any non-empty key
 * @param readTimeout how long one completion may take
 * @param maxTokens   answer length limit (required by the Messages API)
 */
@ConfigurationProperties("kt.external.ai")
public record AiProperties(@DefaultValue("openai") AiProvider provider,
                           URI baseUrl,
                           String model,
                           @DefaultValue("sandbox") String apiKey,
                           @DefaultValue("60s") Duration readTimeout,
                           @DefaultValue("2000") int maxTokens) {

    public String effectiveModel() {
        return model == null || model.isBlank() ? provider.defaultModel() : model;
    }

    /** Never print the API key: records would otherwise include it in every log line that shows the settings. */
    @Override
    public String toString() {
        return "AiProperties[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + effectiveModel()
                + ", apiKey=***, readTimeout=" + readTimeout + ", maxTokens=" + maxTokens + "]";
    }
}
