package com.kt.eventmarketing.workers;

/** Virtual threads for activity executors exist from Java 21; the code is compiled for 17 and asks at run time. */
final class VirtualThreads {
    private VirtualThreads() {
    }

    static boolean available() {
        return Runtime.version().feature() >= 21;
    }
}
