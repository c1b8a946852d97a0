package com.kt.eventmarketing.sandbox.ai;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** OpenAI-compatible {@code POST /v1/chat/completions}. */
@RestController
public class ChatCompletionsController {

    private final PlanningAnswers answers;

    public ChatCompletionsController(PlanningAnswers answers) {
        this.answers = answers;
    }

    @PostMapping("/v1/chat/completions")
    public ResponseEntity<Map<String, Object>> complete(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody JsonNode body) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return ResponseEntity.status(401).body(Map.of("error",
                    Map.of("message", "Missing bearer API key", "type", "invalid_request_error")));
        }
        List<String> userMessages = StreamSupport.stream(body.path("messages").spliterator(), false)
                .filter(message -> "user".equals(message.path("role").asString("")))
                .map(message -> message.path("content").asString(""))
                .toList();
        String content = answers.answer(userMessages);
        return ResponseEntity.ok(Map.of(
                "id", "chatcmpl-" + UUID.randomUUID(),
                "object", "chat.completion",
                "created", Instant.now().getEpochSecond(),
                "model", body.path("model").asString("sandbox"),
                "choices", List.of(Map.of("index", 0,
                        "message", Map.of("role", "assistant", "content", content),
                        "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 200, "completion_tokens", content.length(),
                        "total_tokens", 200 + content.length())));
    }
}
