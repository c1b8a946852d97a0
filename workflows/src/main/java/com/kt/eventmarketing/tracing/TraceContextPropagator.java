package com.kt.eventmarketing.tracing;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.context.ContextPropagator;
import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries the MDC's trace id across Temporal: registered on the {@code WorkflowClientOptions} of api-gateway and of
 * every worker pool (workers build their WorkerFactory from that client, so the same propagator runs there).
 * <ul>
 * <li>client calls (start, Update, signal, query) write the caller's MDC {@value TraceIds#MDC_TRACE_ID} into the
 * Temporal header {@value TraceIds#TEMPORAL_HEADER};</li>
 * <li>the SDK hands the start header to the workflow's first thread, and each new workflow thread
 * ({@code Async.function}, handlers) the context of the thread that made it: here the trace id <i>and</i> the
 * workflow's MDC fields, so lines logged on those threads carry workflowId, runId and eventId too;</li>
 * <li>scheduling an activity or a child workflow writes the workflow thread's trace id into that call's header,
 * and the activity worker puts it into the MDC of the thread that runs the activity.</li>
 * </ul>
 * Only the trace id crosses the wire; workflowId, runId and eventId stay within one workflow's threads. Headers
 * are not part of the commands replay compares, so propagation does not touch determinism.
 */
public final class TraceContextPropagator implements ContextPropagator {
    public static final TraceContextPropagator INSTANCE = new TraceContextPropagator();

    /** MDC fields that follow a workflow thread into the threads it starts. */
    static final List<String> THREAD_FIELDS =
            List.of(TraceIds.MDC_TRACE_ID, TraceIds.MDC_WORKFLOW_ID, TraceIds.MDC_RUN_ID, TraceIds.MDC_EVENT_ID);

    @Override
    public String getName() {
        return "kt-trace";
    }

    /** The current thread's trace fields (a map, possibly empty). */
    @Override
    public Object getCurrentContext() {
        Map<String, String> context = new LinkedHashMap<>();
        for (String field : THREAD_FIELDS) {
            String value = MDC.get(field);
            if (value != null) {
                context.put(field, value);
            }
        }
        return context;
    }

    /** Puts the context's fields into the MDC and removes the other trace fields, so nothing stale survives. */
    @Override
    public void setCurrentContext(Object context) {
        Map<?, ?> fields = context instanceof Map<?, ?> map ? map : Map.of();
        for (String field : THREAD_FIELDS) {
            Object value = fields.get(field);
            if (value instanceof String s) {
                MDC.put(field, s);
            } else {
                MDC.remove(field);
            }
        }
    }

    /** Only the trace id goes into a header. */
    @Override
    public Map<String, Payload> serializeContext(Object context) {
        if (context instanceof Map<?, ?> map && map.get(TraceIds.MDC_TRACE_ID) instanceof String traceId) {
            return Map.of(TraceIds.TEMPORAL_HEADER, TraceIds.toPayload(traceId));
        }
        return Map.of();
    }

    @Override
    public Object deserializeContext(Map<String, Payload> header) {
        String traceId = TraceIds.fromHeaderValues(header);
        return traceId == null ? Map.of() : Map.of(TraceIds.MDC_TRACE_ID, traceId);
    }
}
