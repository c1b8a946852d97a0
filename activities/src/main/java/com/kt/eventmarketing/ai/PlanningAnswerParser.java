package com.kt.eventmarketing.ai;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/** Reads and validates the model's JSON answers; anything missing or malformed is a {@link MalformedAnswerException}. */
final class PlanningAnswerParser {

    static final int RECOMMENDATION_COUNT = 3;
    private static final int TOP_PRIZES = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanningAnswerParser() {
    }

    static TrendAnalysis trendAnalysis(String answer, String provider) {
        JsonNode root = parseObject(answer);
        List<String> prizes = strings(root, "topPrizes");
        return new TrendAnalysis(text(root, "summary"), strings(root, "successfulEventTypes"),
                prizes.subList(0, Math.min(TOP_PRIZES, prizes.size())), strings(root, "participationMethods"),
                strings(root, "regionalTraits"), provider);
    }

    static List<Recommendation> recommendations(String answer) {
        JsonNode plans = parseObject(answer).path("recommendations");
        if (!plans.isArray() || plans.size() != RECOMMENDATION_COUNT) {
            throw new MalformedAnswerException("\"recommendations\" must be an array of exactly "
                    + RECOMMENDATION_COUNT + " plans");
        }
        List<Recommendation> result = new ArrayList<>();
        for (JsonNode plan : plans) {
            int participants = positiveNumber(plan, "expectedParticipants").intValue();
            long cost = positiveNumber(plan, "estimatedCost").longValue();
            result.add(new Recommendation(text(plan, "title"), text(plan, "prize"), text(plan, "participationMethod"),
                    participants, cost, number(plan, "expectedRoi").doubleValue(), text(plan, "description")));
        }
        return List.copyOf(result);
    }

    /** Models like to wrap JSON in a Markdown code fence even when told not to; that alone is not worth a retry. */
    private static JsonNode parseObject(String answer) {
        String body = answer == null ? "" : answer.strip();
        if (body.startsWith("```")) {
            body = body.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedAnswerException("the answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedAnswerException("the answer is not a JSON object");
        }
        return root;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new MalformedAnswerException("\"" + field + "\" must be a non-empty string");
        }
        return value.asString().strip();
    }

    private static Number number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new MalformedAnswerException("\"" + field + "\" must be a number");
        }
        return value.numberValue();
    }

    private static Number positiveNumber(JsonNode node, String field) {
        Number value = number(node, field);
        if (value.doubleValue() <= 0) {
            throw new MalformedAnswerException("\"" + field + "\" must be positive");
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode array = node.path(field);
        if (!array.isArray() || array.isEmpty()) {
            throw new MalformedAnswerException("\"" + field + "\" must be a non-empty array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isString() || item.asString().isBlank()) {
                throw new MalformedAnswerException("\"" + field + "\" must contain only non-empty strings");
            }
            values.add(item.asString().strip());
        }
        return List.copyOf(values);
    }
}
