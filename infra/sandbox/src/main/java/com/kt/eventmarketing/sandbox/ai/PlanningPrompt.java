package com.kt.eventmarketing.sandbox.ai;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;

/**
 * What the product's AI client asks, read from the JSON it puts in a user message:
 * {@code {"task": "TREND_ANALYSIS" | "EVENT_RECOMMENDATIONS", "store": {...}, "season": ..., "objective": ...}}.
 */
public record PlanningPrompt(String task, String storeName, String businessType, String region, String season,
                             String objective) {

    public static final String TREND_ANALYSIS = "TREND_ANALYSIS";

    public boolean asksForTrends() {
        return TREND_ANALYSIS.equals(task);
    }

    /** The newest user message that is a planning prompt; a later corrective instruction is plain text. */
    public static Optional<PlanningPrompt> findIn(List<String> userMessagesOldestFirst, JsonMapper json) {
        for (int i = userMessagesOldestFirst.size() - 1; i >= 0; i--) {
            Optional<PlanningPrompt> prompt = parse(userMessagesOldestFirst.get(i), json);
            if (prompt.isPresent()) {
                return prompt;
            }
        }
        return Optional.empty();
    }

    private static Optional<PlanningPrompt> parse(String text, JsonMapper json) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !node.has("task")) {
            return Optional.empty();
        }
        JsonNode store = node.path("store");
        return Optional.of(new PlanningPrompt(node.path("task").asString(""), store.path("name").asString("우리 가게"),
                store.path("businessType").asString("음식점"), store.path("region").asString("우리 동네"),
                node.path("season").asString("봄"), node.path("objective").asString("NEW_CUSTOMERS")));
    }
}
