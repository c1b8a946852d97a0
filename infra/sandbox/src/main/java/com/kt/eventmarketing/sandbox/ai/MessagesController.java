package com.kt.eventmarketing.sandbox.ai;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Anthropic Messages API {@code POST /v1/messages}. */
@RestController
public class MessagesController {

    private final PlanningAnswers answers;

    public MessagesController(PlanningAnswers answers) {
        this.answers = answers;
    }

    @PostMapping("/v1/messages")
    public ResponseEntity<Map<String, Object>> create(
            @RequestHeader(value = "x-api-key", required = false) String apiKey,
            @RequestHeader(value = "anthropic-version", required = false) String version,
            @RequestBody JsonNode body) {
        if (apiKey == null || apiKey.isBlank() || version == null) {
            return ResponseEntity.status(401).body(Map.of("type", "error", "error",
                    Map.of("type", "authentication_error", "message", "x-api-key and anthropic-version are required")));
        }
        List<String> userMessages = StreamSupport.stream(body.path("messages").spliterator(), false)
                .filter(message -> "user".equals(message.path("role").asString("")))
                .map(MessagesController::text)
                .toList();
        String content = answers.answer(userMessages);
        return ResponseEntity.ok(Map.of(
                "id", "msg_" + UUID.randomUUID().toString().replace("-", ""),
                "type", "message",
                "role", "assistant",
                "model", body.path("model").asString("sandbox"),
                "content", List.of(Map.of("type", "text", "text", content)),
                "stop_reason", "end_turn",
                "usage", Map.of("input_tokens", 200, "output_tokens", content.length())));
    }

    /** Message content is either a string or a list of content blocks. */
    private static String text(JsonNode message) {
        JsonNode content = message.path("content");
        if (content.isString()) {
            return content.asString();
        }
        return StreamSupport.stream(content.spliterator(), false)
                .filter(block -> "text".equals(block.path("type").asString("")))
                .map(block -> block.path("text").asString(""))
                .collect(Collectors.joining("\n"));
    }
}
