package com.kt.eventmarketing.gateway.openapi;

import java.util.List;
import java.util.Map;

/**
 * One worked example per request body, keyed by {@code "METHOD path"} as the OpenAPI document spells the
 * operation, so Swagger UI's "Try it out" starts from a request that passes validation. {@code OpenApiContractTest}
 * fails when an operation with a body has no example here.
 */
final class RequestExamples {
    private static final Map<String, Object> STORE = Map.of("name", "행복치킨 강남점", "businessType", "음식점",
            "address", "서울특별시 강남구 테헤란로 123", "businessHours", "11:00-23:00", "businessNumber", "220-81-62517");
    private static final Map<String, Object> DRAW = Map.of("winnerCount", 3, "algorithm", "WEIGHTED", "visitBonus", 2);

    static final Map<String, Object> BY_OPERATION = Map.ofEntries(
            Map.entry("POST /api/v1/users/register", Map.of("name", "김사장", "phone", "010-1234-5678",
                    "email", "owner@example.com", "password", "Chicken!2026", "store", STORE)),
            Map.entry("POST /api/v1/users/login", Map.of("email", "owner@example.com", "password", "Chicken!2026")),
            Map.entry("POST /api/v1/users/refresh", Map.of("refreshToken", "eyJhbGciOiJIUzI1NiJ9.eyJ0eXAiOiJyZWZyZXNoIn0.c2lnbmF0dXJl")),
            Map.entry("PUT /api/v1/users/me", Map.of("name", "김사장", "phone", "010-1234-5678",
                    "store", Map.of("businessHours", "11:00-24:00"))),
            Map.entry("PUT /api/v1/users/me/password", Map.of("currentPassword", "Chicken!2026",
                    "newPassword", "Chicken!2027")),
            Map.entry("POST /api/v1/events", Map.of("objective", "NEW_CUSTOMERS")),
            Map.entry("PUT /api/v1/events/{id}/recommendation", Map.of("index", 0, "title", "주말 반값 치킨")),
            Map.entry("PUT /api/v1/events/{id}/content", Map.of("imageId", "e42-simple-instagram-1a2b3c4d",
                    "title", "주말 반값 치킨", "prize", "후라이드 치킨 1마리", "guide", "QR 코드를 찍고 이름과 전화번호를 남겨 주세요",
                    "colors", Map.of("background", "#FFFFFF", "text", "#111111", "accent", "#E53935"))),
            Map.entry("PUT /api/v1/events/{id}/channels", Map.of(
                    "channels", List.of(Map.of("type", "INSTAGRAM"), Map.of("type", "KAKAO_CHANNEL"),
                            Map.of("type", "URIDONGNETV", "settings",
                                    Map.of("radiusMeters", "500", "timeSlots", "11:00-14:00,17:00-21:00"))),
                    "startAt", "2026-12-05T10:00:00+09:00", "endAt", "2026-12-12T22:00:00+09:00",
                    "autoDraw", DRAW)),
            Map.entry("DELETE /api/v1/events/{id}", Map.of("reason", "재료 소진으로 이벤트를 중단합니다")),
            Map.entry("POST /api/v1/events/{id}/draw-winners", DRAW),
            Map.entry("POST /api/v1/public/events/{id}/participations", Map.of("name", "김민수",
                    "phone", "010-9876-5432", "entryPath", "INSTAGRAM", "consent", true)));

    private RequestExamples() {
    }
}
