package com.kt.eventmarketing.sandbox.ai;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes plausible Korean planning answers that depend only on the prompt, so the same shop, season and
 * objective always get the same plan. The wording is fixed; the choices rotate by a hash of the input.
 */
@Component
public class PlanWriter {

    private static final List<String> EVENT_TYPES = List.of(
            "SNS 인증샷 이벤트", "재방문 스탬프 적립", "리뷰 작성 경품 추첨", "친구 초대 할인", "타임 세일", "시즌 한정 메뉴 시식회");
    private static final List<String> PRIZES = List.of(
            "대표 메뉴 1인분 무료 쿠폰", "1만원 할인 쿠폰", "음료 1+1 쿠폰", "커피 기프티콘", "매장 굿즈 세트", "다음 방문 20% 할인권",
            "모바일 상품권 5천원");
    private static final List<String> METHODS = List.of(
            "인스타그램 해시태그 게시", "매장 방문 후 QR 응모", "네이버 블로그 리뷰 작성", "카카오 채널 친구 추가", "전화 응모");
    private static final Map<String, String> OBJECTIVE_WORDS = Map.of(
            "NEW_CUSTOMERS", "신규 고객 유치", "REVISIT", "재방문 유도", "SALES", "매출 증대", "AWARENESS", "인지도 향상");

    public Map<String, Object> trendAnalysis(PlanningPrompt prompt) {
        int seed = seed(prompt);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("summary", "%s %s 지역 %s은 %s철에 %s 이벤트의 반응이 가장 좋았습니다."
                .formatted(prompt.region(), prompt.businessType(), prompt.businessType(), prompt.season(),
                        pick(EVENT_TYPES, seed)));
        answer.put("successfulEventTypes", rotate(EVENT_TYPES, seed, 3));
        answer.put("topPrizes", rotate(PRIZES, seed, 5));
        answer.put("participationMethods", rotate(METHODS, seed, 3));
        answer.put("regionalTraits", List.of(
                prompt.region() + "은 주말 가족 단위 방문이 많습니다",
                prompt.region() + " 고객은 SNS 후기를 보고 매장을 고르는 경향이 큽니다",
                prompt.season() + "철에는 저녁 시간대 주문이 늘어납니다"));
        return answer;
    }

    public Map<String, Object> recommendations(PlanningPrompt prompt) {
        int seed = seed(prompt);
        String goal = OBJECTIVE_WORDS.getOrDefault(prompt.objective(), "고객 유치");
        List<Map<String, Object>> plans = List.of(
                plan(prompt, "%s %s 맞이 %s".formatted(prompt.storeName(), prompt.season(), pick(EVENT_TYPES, seed)),
                        pick(PRIZES, seed), pick(METHODS, seed), 120 + seed % 80, 300_000, 180.0, goal),
                plan(prompt, "%s 단골 감사 %s".formatted(prompt.storeName(), pick(EVENT_TYPES, seed + 1)),
                        pick(PRIZES, seed + 1), pick(METHODS, seed + 1), 80 + seed % 50, 200_000, 150.0, goal),
                plan(prompt, "%s %s 한정 특별 이벤트".formatted(prompt.region(), prompt.season()),
                        pick(PRIZES, seed + 2), pick(METHODS, seed + 2), 200 + seed % 100, 500_000, 210.0, goal));
        return Map.of("recommendations", plans);
    }

    private static Map<String, Object> plan(PlanningPrompt prompt, String title, String prize, String method,
                                            int participants, long cost, double roi, String goal) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", title);
        plan.put("prize", prize);
        plan.put("participationMethod", method);
        plan.put("expectedParticipants", participants);
        plan.put("estimatedCost", cost);
        plan.put("expectedRoi", roi);
        plan.put("description", "%s을(를) 위한 %s 이벤트입니다. %s 방식으로 참여하고 %s을(를) 받아 갑니다."
                .formatted(goal, prompt.businessType(), method, prize));
        return plan;
    }

    private static int seed(PlanningPrompt prompt) {
        return Math.floorMod((prompt.storeName() + prompt.businessType() + prompt.region() + prompt.season()
                + prompt.objective()).hashCode(), 1000);
    }

    private static String pick(List<String> options, int seed) {
        return options.get(seed % options.size());
    }

    private static List<String> rotate(List<String> options, int seed, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> pick(options, seed + i)).toList();
    }
}
