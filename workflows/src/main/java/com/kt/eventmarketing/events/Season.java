package com.kt.eventmarketing.events;

import java.time.Instant;
import java.time.ZoneId;

/** The Korean season the trend analysis is asked about: the shop's, so by Seoul's calendar. */
final class Season {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private Season() {
    }

    static String at(long epochMillis) {
        return switch (Instant.ofEpochMilli(epochMillis).atZone(SEOUL).getMonthValue()) {
            case 3, 4, 5 -> "봄";
            case 6, 7, 8 -> "여름";
            case 9, 10, 11 -> "가을";
            default -> "겨울";
        };
    }
}
