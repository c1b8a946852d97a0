package com.kt.eventmarketing.users;

import java.util.List;

/** The fixed list of business types offered at sign-up (the AI prompts and analytics averages key on them). */
public final class BusinessTypes {
    public static final List<String> ALL = List.of("음식점", "카페", "소매점", "미용", "학원", "숙박", "헬스", "기타");

    private BusinessTypes() {
    }
}
