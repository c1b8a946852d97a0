package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.tracing.TraceContextPropagator;
import com.kt.eventmarketing.tracing.TraceIds;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the workflow id, run id, event id (from {@code event-<id>}), activity type, task queue, attempt and the
 * trace id into the MDC of the thread running an activity, so every log line the activity writes carries them (as
 * JSON fields with the {@code json-logs} profile). The trace id comes from the Temporal header that
 * {@link TraceContextPropagator} writes when the workflow schedules the activity (the caller's trace id, see
 * {@link TraceIds}). Afterwards these fields are removed again and anything else restored: activity threads are
 * pooled.
 */
public class ActivityMdcInterceptor extends WorkerInterceptorBase {
    public static final String WORKFLOW_ID = TraceIds.MDC_WORKFLOW_ID;
    public static final String RUN_ID = TraceIds.MDC_RUN_ID;
    public static final String EVENT_ID = TraceIds.MDC_EVENT_ID;
    public static final String TRACE_ID = TraceIds.MDC_TRACE_ID;
    public static final String ACTIVITY_TYPE = "activityType";
    public static final String TASK_QUEUE = "taskQueue";
    public static final String ATTEMPT = "attempt";
    public static final String POOL = "pool";

    private static final List<String> FIELDS = List.of(WORKFLOW_ID, RUN_ID, EVENT_ID, TRACE_ID, ACTIVITY_TYPE, TASK_QUEUE,
            ATTEMPT, POOL);

    private final String poolName;

    public ActivityMdcInterceptor(String poolName) {
        this.poolName = poolName;
    }

    /** The event id in a workflow id {@code event-<id>}, or null for any other workflow. */
    public static String eventIdOf(String workflowId) {
        return TraceIds.eventIdOf(workflowId);
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private ActivityExecutionContext context;

            @Override
            public void init(ActivityExecutionContext context) {
                this.context = context;
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                Map<String, String> previous = MDC.getCopyOfContextMap();
                try {
                    FIELDS.forEach(MDC::remove);
                    fields(context.getInfo(), TraceIds.fromHeader(input.getHeader())).forEach(MDC::put);
                    return super.execute(input);
                } finally {
                    if (previous == null) {
                        MDC.clear();
                    } else {
                        // the propagator may have set the trace id before we took the copy: none of ours survives
                        FIELDS.forEach(previous::remove);
                        MDC.setContextMap(previous);
                    }
                }
            }
        };
    }

    private Map<String, String> fields(ActivityInfo info, String traceId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(WORKFLOW_ID, info.getWorkflowId());
        fields.put(RUN_ID, info.getRunId());
        String eventId = eventIdOf(info.getWorkflowId());
        if (eventId != null) {
            fields.put(EVENT_ID, eventId);
        }
        if (traceId != null) {
            fields.put(TRACE_ID, traceId);
        }
        fields.put(ACTIVITY_TYPE, info.getActivityType());
        fields.put(TASK_QUEUE, info.getActivityTaskQueue());
        fields.put(ATTEMPT, Integer.toString(info.getAttempt()));
        fields.put(POOL, poolName);
        return fields;
    }
}
