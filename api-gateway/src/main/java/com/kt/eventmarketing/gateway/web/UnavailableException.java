package com.kt.eventmarketing.gateway.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A dependency (Temporal, the database) could not answer: 503 with a Retry-After, never a 500. */
public class UnavailableException extends ApiException {
    private final long retryAfterSeconds;

    public UnavailableException(String title, String detail, long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, title, detail, List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
