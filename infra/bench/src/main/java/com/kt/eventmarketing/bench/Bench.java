package com.kt.eventmarketing.bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Small shared helpers: timestamped progress lines and sleeping without checked exceptions. */
public final class Bench {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Bench() {
    }

    public static void log(String format, Object... args) {
        System.out.println("[bench " + LocalTime.now().format(TIME) + "] " + String.format(format, args));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
