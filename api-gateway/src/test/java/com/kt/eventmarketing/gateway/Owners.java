package com.kt.eventmarketing.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid sign-up bodies, unique per call, for tests to start from and break one field at a time. */
public final class Owners {
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100_000));
    /** Valid business registration numbers (check digit correct). */
    public static final String BUSINESS_NUMBER = "220-81-62517";

    private Owners() {
    }

    public static Map<String, Object> registration() {
        int n = SEQ.incrementAndGet();
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("name", "맛있는 치킨 " + n);
        store.put("businessType", "음식점");
        store.put("address", "서울특별시 강남구 테헤란로 " + n);
        store.put("businessHours", "11:00-22:00");
        store.put("businessNumber", BUSINESS_NUMBER);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "김사장");
        body.put("phone", String.format("010-%04d-%04d", n / 10_000 % 10_000, n % 10_000));
        body.put("email", "owner" + n + "@example.com");
        body.put("password", "chicken#2026");
        body.put("store", store);
        return body;
    }

    /** Registers a fresh owner and returns its access token. */
    public static String registerAndToken(ApiClient api) {
        var response = api.post("/api/v1/users/register", null, registration());
        if (response.status() != 201) {
            throw new IllegalStateException("registration failed: " + response);
        }
        return response.json().get("accessToken").asString();
    }
}
