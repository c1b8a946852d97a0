package com.kt.eventmarketing.events;

/** What the owner is told when an activity gave up: the innermost cause, where the provider's words are. */
final class Failures {
    private Failures() {
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
