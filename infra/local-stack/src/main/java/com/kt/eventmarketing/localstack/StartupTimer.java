package com.kt.eventmarketing.localstack;

import java.util.function.Supplier;

/** Starts something and prints how long it took: start-up time is what developers wait for, so show it. */
public final class StartupTimer {
    private StartupTimer() {
    }

    public static <T> T time(String name, Supplier<T> start) {
        long begin = System.nanoTime();
        T started = start.get();
        System.out.printf("%s started in %.1f s%n", name, (System.nanoTime() - begin) / 1e9);
        return started;
    }
}
