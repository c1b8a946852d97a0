package com.kt.eventmarketing.workers;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import org.slf4j.MDC;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the workflow id, run id, event id (from {@code event-<id>}), activity type, task queue, attempt and, when
 * the caller propagated one in the Temporal header {@code traceId}, the trace id into the MDC of the thread
 * running an activity, so every log line the activity writes carries them (as JSON fields with the
 * {@code json-logs} profile). The previous MDC is restored afterwards: activity threads are pooled.
 */
public class ActivityMdcInterceptor extends WorkerInterceptorBase {
    public static final String WORKFLOW_ID = "workflowId";
    public static final String RUN_ID = "runId";
    public static final String EVENT_ID = "eventId";
    public static final String TRACE_ID = "traceId";
    public static final String ACTIVITY_TYPE = "activityType";
    public static final String TASK_QUEUE = "taskQueue";
    public static final String ATTEMPT = "attempt";
    public static final String POOL = "pool";

    private static final Pattern EVENT_WORKFLOW_ID = Pattern.compile("^event-(\\d+)$");

    private final String poolName;

    public ActivityMdcInterceptor(String poolName) {
        this.poolName = poolName;
    }

    /** The event id in a workflow id {@code event-<id>}, or null for any other workflow. */
    public static String eventIdOf(String workflowId) {
        if (workflowId == null) {
            return null;
        }
        Matcher m = EVENT_WORKFLOW_ID.matcher(workflowId);
        return m.matches() ? m.group(1) : null;
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
                    fields(context.getInfo(), traceIdOf(input)).forEach(MDC::put);
                    return super.execute(input);
                } finally {
                    if (previous == null) {
                        MDC.clear();
                    } else {
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

    private static String traceIdOf(ActivityInboundCallsInterceptor.ActivityInput input) {
        if (input.getHeader() == null) {
            return null;
        }
        Payload payload = input.getHeader().getValues().get(TRACE_ID);
        if (payload == null) {
            return null;
        }
        try {
            return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
