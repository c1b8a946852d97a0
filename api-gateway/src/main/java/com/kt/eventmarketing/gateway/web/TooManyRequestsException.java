package com.kt.eventmarketing.gateway.web;

import java.time.Duration;

/** A limit was reached: 429 problem+json naming the limit, with {@code Retry-After} in whole seconds. */
public class TooManyRequestsException extends RuntimeException {
    private final String limit;
    private final Duration retryAfter;

    public TooManyRequestsException(String limit, Duration retryAfter, String detail) {
        // no stack trace: a limit is control flow, and the intake hits it by the thousand under a flood
        super(detail, null, false, false);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public String limit() {
        return limit;
    }

    /** Rounded up, at least 1: a client that waits exactly this long finds room. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
