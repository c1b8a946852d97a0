package com.kt.eventmarketing.ai.client;

import com.kt.eventmarketing.shared.resilience.ExternalCallGuard;
import com.kt.eventmarketing.shared.resilience.RestClientFactory;
import io.temporal.failure.ApplicationFailure;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Anthropic Messages API {@code POST /messages}; the system instruction is a top-level field there. */
@Component
@ConditionalOnProperty(prefix = "kt.external.ai", name = "provider", havingValue = "anthropic")
public class AnthropicMessagesClient implements ChatModelClient {

    /** The Messages API version this client speaks. */
    private static final String API_VERSION = "2023-06-01";

    private final RestClient http;
    private final ExternalCallGuard guard;
    private final AiProperties properties;

    public AnthropicMessagesClient(AiProperties properties, RestClientFactory clients, ExternalCallGuard guard) {
        this.properties = properties;
        this.guard = guard;
        this.http = clients.builder(properties.baseUrl(), "/v1", properties.readTimeout())
                .defaultHeader("x-api-key", properties.apiKey())
                .defaultHeader("anthropic-version", API_VERSION)
                .build();
    }

    record Message(String role, String content) {
    }

    record MessagesRequest(String model, int max_tokens, String system, List<Message> messages) {
    }

    record ContentBlock(String type, String text) {
    }

    record MessagesResponse(List<ContentBlock> content) {
    }

    @Override
    public String complete(String systemInstruction, List<ChatTurn> conversation) {
        MessagesRequest request = new MessagesRequest(properties.effectiveModel(), properties.maxTokens(),
                systemInstruction, conversation.stream()
                .map(turn -> new Message(turn.role().name().toLowerCase(Locale.ROOT), turn.text()))
                .toList());
        MessagesResponse response = guard.call(BREAKER, () -> http.post().uri("/messages")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(MessagesResponse.class));
        if (response == null || response.content() == null || response.content().isEmpty()) {
            throw ApplicationFailure.newFailure("AI answer had no content", "AiEmptyAnswer");
        }
        return response.content().stream()
                .filter(block -> "text".equals(block.type()))
                .map(ContentBlock::text)
                .collect(Collectors.joining());
    }

    @Override
    public String modelName() {
        return "anthropic:" + properties.effectiveModel();
    }
}
