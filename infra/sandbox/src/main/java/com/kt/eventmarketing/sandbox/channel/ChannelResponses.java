package com.kt.eventmarketing.sandbox.channel;

import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.Optional;

/** Answers shared by the channel endpoints whose providers use a plain JSON error body. */
final class ChannelResponses {

    private ChannelResponses() {
    }

    static ResponseEntity<Map<String, Object>> statsOr404(Optional<Map<String, Object>> stats) {
        return stats.map(ResponseEntity::ok).orElseGet(ChannelResponses::notFound);
    }

    static ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(404).body(Map.of("code", "NOT_FOUND", "message", "no such post"));
    }

    static ResponseEntity<Map<String, Object>> deleted(boolean deleted) {
        return deleted ? ResponseEntity.ok(Map.of("deleted", true)) : notFound();
    }

    static ResponseEntity<Map<String, Object>> invalid(String field, String rule) {
        return ResponseEntity.badRequest().body(Map.of("code", "INVALID_PARAMETER", "field", field,
                "message", rule));
    }
}
