package com.kt.eventmarketing.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One worked example per request body, keyed by {@code "METHOD path"} as the OpenAPI document spells the
 * operation, so Swagger UI's "Try it out" starts from a request that passes validation. {@code OpenApiContractTest}
 * fails when an operation with a body has no example here.
 */
final class RequestExamples {
    private static final Map<String, Object> STORE = obj("name", "행복치킨 강남점", "businessType", "음식점",
            "address", "서울특별시 강남구 테헤란로 123", "businessHours", "11:00-23:00", "businessNumber", "220-81-62517");
    private static final Map<String, Object> DRAW = obj("winnerCount", 3, "algorithm", "WEIGHTED", "visitBonus", 2);

    static final Map<String, Object> BY_OPERATION = Map.ofEntries(
            Map.entry("POST /api/v1/users/register", obj("name", "김사장", "phone", "010-1234-5678",
                    "email", "owner@example.com", "password", "Chicken!2026", "store", STORE)),
            Map.entry("POST /api/v1/users/login", obj("email", "owner@example.com", "password", "Chicken!2026")),
            Map.entry("POST /api/v1/users/refresh", obj("refreshToken", "eyJhbGciOiJIUzI1NiJ9.eyJ0eXAiOiJyZWZyZXNoIn0.c2lnbmF0dXJl")),
            Map.entry("PUT /api/v1/users/me", obj("name", "김사장", "phone", "010-1234-5678",
                    "store", obj("businessHours", "11:00-24:00"))),
            Map.entry("PUT /api/v1/users/me/password", obj("currentPassword", "Chicken!2026",
                    "newPassword", "Chicken!2027")),
            Map.entry("POST /api/v1/events", obj("objective", "NEW_CUSTOMERS")),
            Map.entry("PUT /api/v1/events/{id}/recommendation", obj("index", 0, "title", "주말 반값 치킨")),
            Map.entry("PUT /api/v1/events/{id}/content", obj("imageId", "e42-simple-instagram-1a2b3c4d",
                    "title", "주말 반값 치킨", "prize", "후라이드 치킨 1마리", "guide", "QR 코드를 찍고 이름과 전화번호를 남겨 주세요",
                    "colors", obj("background", "#FFFFFF", "text", "#111111", "accent", "#E53935"))),
            Map.entry("PUT /api/v1/events/{id}/channels", obj(
                    "channels", List.of(obj("type", "INSTAGRAM"), obj("type", "KAKAO_CHANNEL"),
                            obj("type", "URIDONGNETV", "settings",
                                    obj("radiusMeters", "500", "timeSlots", "11:00-14:00,17:00-21:00"))),
                    "startAt", "2026-12-05T10:00:00+09:00", "endAt", "2026-12-12T22:00:00+09:00",
                    "autoDraw", DRAW)),
            Map.entry("DELETE /api/v1/events/{id}", obj("reason", "재료 소진으로 이벤트를 중단합니다")),
            Map.entry("POST /api/v1/events/{id}/draw-winners", DRAW),
            Map.entry("POST /api/v1/public/events/{id}/participations", obj("name", "김민수",
                    "phone", "010-9876-5432", "entryPath", "INSTAGRAM", "consent", true)),
            Map.entry("PUT /api/v1/events/{id}/participation-settings", obj("phoneVerification", true)),
            Map.entry("POST /api/v1/public/events/{id}/phone-verifications", obj("phone", "010-9876-5432")));

    private RequestExamples() {
    }

    /** A JSON object whose fields keep the order given (Map.of's order changes from JVM to JVM). */
    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
