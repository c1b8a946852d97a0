package com.kt.eventmarketing.tracing;

import com.kt.eventmarketing.shared.LogFields;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.interceptors.Header;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names one trace id travels under, and how it is read and made. The gateway takes it from the caller
 * ({@code traceparent}, else {@code X-Trace-Id}) or makes one; {@link TraceContextPropagator} carries it in the
 * Temporal header {@value #TEMPORAL_HEADER} into workflows and on to their activities; every hop puts it in the
 * MDC under {@value #MDC_TRACE_ID}, so JSON log lines have it as a field.
 */
public final class TraceIds {
    /** MDC keys, the same on gateway, workflow and activity log lines. */
    public static final String MDC_TRACE_ID = LogFields.TRACE_ID;
    public static final String MDC_WORKFLOW_ID = "workflowId";
    public static final String MDC_RUN_ID = "runId";
    public static final String MDC_EVENT_ID = "eventId";

    /** The Temporal header (a JSON string payload) that carries the trace id. */
    public static final String TEMPORAL_HEADER = "traceId";
    /** W3C Trace Context request header: {@code 00-<32 hex trace-id>-<16 hex parent-id>-<2 hex flags>}. */
    public static final String TRACEPARENT = "traceparent";
    /** Our own request header, and the response header that tells every caller its trace id. */
    public static final String HTTP_HEADER = "X-Trace-Id";

    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?$");
    private static final String INVALID_W3C_TRACE_ID = "0".repeat(32);
    /** What a caller may send as X-Trace-Id: it ends up in log fields and a response header, so keep it plain. */
    private static final Pattern PLAIN_ID = Pattern.compile("^[A-Za-z0-9._:-]{8,64}$");
    private static final Pattern EVENT_WORKFLOW_ID = Pattern.compile("^event-(\\d+)$");

    private TraceIds() {
    }

    /**
     * The trace id of a request: the trace-id of a valid {@code traceparent} (version 00 or a later one, not all
     * zeros), else an {@code X-Trace-Id} of 8-64 plain characters, else null.
     */
    public static String fromRequest(String traceparent, String traceIdHeader) {
        if (traceparent != null) {
            String value = traceparent.trim().toLowerCase(Locale.ROOT);
            Matcher m = TRACEPARENT_FORMAT.matcher(value);
            if (m.matches() && !value.startsWith("ff") && !INVALID_W3C_TRACE_ID.equals(m.group(1))) {
                return m.group(1);
            }
        }
        if (traceIdHeader != null && PLAIN_ID.matcher(traceIdHeader.trim()).matches()) {
            return traceIdHeader.trim();
        }
        return null;
    }

    /**
     * A new W3C-compatible trace id: 16 random bytes as 32 lowercase hex digits, never all zeros. A trace id is a
     * label, not a secret: the shared SecureRandom (a lock and /dev/urandom) showed in the gateway's profile with a
     * new id for every request.
     */
    public static String newTraceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high;
        long low;
        do {
            high = random.nextLong();
            low = random.nextLong();
        } while (high == 0 && low == 0);
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }

    /** The event id in a workflow id {@code event-<id>}, or null for any other workflow. */
    public static String eventIdOf(String workflowId) {
        if (workflowId == null) {
            return null;
        }
        Matcher m = EVENT_WORKFLOW_ID.matcher(workflowId);
        return m.matches() ? m.group(1) : null;
    }

    /** The trace id in a Temporal header, or null when there is none (or it cannot be read). */
    public static String fromHeader(Header header) {
        return header == null ? null : fromHeaderValues(header.getValues());
    }

    static String fromHeaderValues(Map<String, Payload> values) {
        Payload payload = values == null ? null : values.get(TEMPORAL_HEADER);
        if (payload == null) {
            return null;
        }
        try {
            return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Payload toPayload(String traceId) {
        return DefaultDataConverter.STANDARD_INSTANCE.toPayload(traceId).orElseThrow();
    }
}
