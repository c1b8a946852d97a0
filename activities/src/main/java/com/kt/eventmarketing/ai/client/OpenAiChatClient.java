package com.kt.eventmarketing.ai.client;

import com.kt.eventmarketing.shared.resilience.ExternalCallGuard;
import com.kt.eventmarketing.shared.resilience.RestClientFactory;
import io.temporal.failure.ApplicationFailure;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** OpenAI-compatible {@code POST /chat/completions}, asking for a JSON object answer. */
@Component
@ConditionalOnProperty(prefix = "kt.external.ai", name = "provider", havingValue = "openai", matchIfMissing = true)
public class OpenAiChatClient implements ChatModelClient {

    private final RestClient http;
    private final ExternalCallGuard guard;
    private final AiProperties properties;

    public OpenAiChatClient(AiProperties properties, RestClientFactory clients, ExternalCallGuard guard) {
        this.properties = properties;
        this.guard = guard;
        this.http = clients.builder(properties.baseUrl(), "/v1", properties.readTimeout())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.apiKey())
                .build();
    }

    record Message(String role, String content) {
    }

    record ResponseFormat(String type) {
    }

    record CompletionRequest(String model, List<Message> messages, ResponseFormat response_format,
                             int max_tokens) {
    }

    record Choice(Message message) {
    }

    record Completion(List<Choice> choices) {
    }

    @Override
    public String complete(String systemInstruction, List<ChatTurn> conversation) {
        List<Message> messages = new ArrayList<>();
        messages.add(new Message("system", systemInstruction));
        conversation.forEach(turn -> messages.add(new Message(turn.role().name().toLowerCase(Locale.ROOT), turn.text())));
        CompletionRequest request = new CompletionRequest(properties.effectiveModel(), messages,
                new ResponseFormat("json_object"), properties.maxTokens());
        Completion completion = guard.call(BREAKER, () -> http.post().uri("/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(Completion.class));
        if (completion == null || completion.choices() == null || completion.choices().isEmpty()
                || completion.choices().get(0).message() == null) {
            throw ApplicationFailure.newFailure("AI answer had no choices", "AiEmptyAnswer");
        }
        return completion.choices().get(0).message().content();
    }

    @Override
    public String modelName() {
        return "openai:" + properties.effectiveModel();
    }
}
