package com.kt.eventmarketing.analytics;

/** A message that can never be applied (not JSON, wrong shape, missing id): retrying is pointless, it goes to the DLT. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
