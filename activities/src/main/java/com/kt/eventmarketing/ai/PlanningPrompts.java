package com.kt.eventmarketing.ai;

import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the planner asks the model. The request itself travels as a JSON user message so the model (and the sandbox)
 * can read the store, season and objective unambiguously; the system instruction fixes the answer's JSON shape.
 */
final class PlanningPrompts {

    static final String TREND_TASK = "TREND_ANALYSIS";
    static final String RECOMMENDATION_TASK = "EVENT_RECOMMENDATIONS";

    static final String TREND_INSTRUCTION = """
            당신은 소상공인 이벤트 마케팅 분석가입니다. 사용자 메시지의 JSON(업종, 지역, 계절, 목적)을 보고
            최근 3개월 트렌드를 분석하세요. 설명 없이 JSON 객체 하나만 답하세요:
            {"summary": string, "successfulEventTypes": [string], "topPrizes": [5개의 string],
             "participationMethods": [string], "regionalTraits": [string]}""";

    static final String RECOMMENDATION_INSTRUCTION = """
            당신은 소상공인 이벤트 기획자입니다. 사용자 메시지의 JSON(가게, 계절, 목적, 트렌드 분석)을 보고
            이벤트 기획안을 정확히 3개 제안하세요. 설명 없이 JSON 객체 하나만 답하세요:
            {"recommendations": [{"title": string, "prize": string, "participationMethod": string,
              "expectedParticipants": 정수, "estimatedCost": 원 단위 정수, "expectedRoi": 백분율 숫자,
              "description": string}]}""";

    static final String CORRECTION = """
            방금 답변은 요청한 형식이 아니었습니다(%s). 설명이나 코드 블록 없이, 요청한 스키마의 JSON 객체 하나만 다시 답하세요.""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanningPrompts() {
    }

    static String trendRequest(TrendRequest request) {
        return JSON.writeValueAsString(base(TREND_TASK, request));
    }

    static String recommendationRequest(RecommendationRequest request) {
        Map<String, Object> prompt = base(RECOMMENDATION_TASK, request.trendRequest());
        if (request.trends() != null) {
            TrendAnalysis trends = request.trends();
            prompt.put("trends", Map.of("summary", trends.summary(),
                    "successfulEventTypes", trends.successfulEventTypes(), "topPrizes", trends.topPrizes(),
                    "participationMethods", trends.participationMethods(),
                    "regionalTraits", trends.regionalTraits()));
        }
        return JSON.writeValueAsString(prompt);
    }

    private static Map<String, Object> base(String task, TrendRequest request) {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("name", request.storeName());
        store.put("businessType", request.businessType());
        store.put("region", request.region());
        store.put("address", request.address());
        Map<String, Object> prompt = new LinkedHashMap<>();
        prompt.put("task", task);
        prompt.put("store", store);
        prompt.put("season", request.season());
        prompt.put("objective", request.objective() == null ? null : request.objective().name());
        return prompt;
    }
}
