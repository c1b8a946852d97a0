package com.kt.eventmarketing.sandbox.log;

import java.time.Instant;

/**
 * One request a provider endpoint received.
 *
 * @param replayed true when an earlier answer for the same idempotency key was returned instead of acting again
 */
public record RecordedRequest(String method, String path, String group, String idempotencyKey, Instant time,
                              int status, boolean replayed) {
}
