package com.kt.eventmarketing.tracing;

import io.temporal.common.interceptors.Header;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import io.temporal.client.WorkflowUpdateHandle;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * The client half for Updates and signals. The SDK (1.38) applies context propagators to a workflow start only;
 * Update and signal requests go out with just the interceptors' header. This adds the caller's MDC trace id to
 * that header, where {@link WorkflowMdcInterceptor} picks it up in the handler.
 */
public class TraceClientInterceptor extends WorkflowClientInterceptorBase {
    public static final TraceClientInterceptor INSTANCE = new TraceClientInterceptor();

    @Override
    public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return new WorkflowClientCallsInterceptorBase(next) {
            @Override
            public WorkflowSignalOutput signal(WorkflowSignalInput input) {
                return super.signal(new WorkflowSignalInput(input.getWorkflowExecution(), input.getSignalName(),
                        withTraceId(input.getHeader()), input.getArguments()));
            }

            @Override
            public <R> WorkflowUpdateHandle<R> startUpdate(StartUpdateInput<R> input) {
                return super.startUpdate(new StartUpdateInput<>(input.getWorkflowExecution(), input.getWorkflowType(),
                        input.getUpdateName(), withTraceId(input.getHeader()), input.getUpdateId(), input.getArguments(),
                        input.getResultClass(), input.getResultType(), input.getFirstExecutionRunId(), input.getWaitPolicy()));
            }
        };
    }

    static Header withTraceId(Header header) {
        String traceId = MDC.get(TraceIds.MDC_TRACE_ID);
        if (traceId == null || header != null && header.getValues().containsKey(TraceIds.TEMPORAL_HEADER)) {
            return header;
        }
        Map<String, io.temporal.api.common.v1.Payload> values = new HashMap<>();
        if (header != null) {
            values.putAll(header.getValues());
        }
        values.put(TraceIds.TEMPORAL_HEADER, TraceIds.toPayload(traceId));
        return new Header(values);
    }
}
