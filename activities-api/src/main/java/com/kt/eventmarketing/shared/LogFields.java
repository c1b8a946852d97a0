package com.kt.eventmarketing.shared;

/**
 * MDC keys that more than one module writes, so the JSON log field has one spelling everywhere: the gateway's
 * filter, the Temporal interceptors (via {@code TraceIds} in {@code workflows}) and the outbox.
 */
public final class LogFields {
    public static final String TRACE_ID = "traceId";

    private LogFields() {
    }
}
