package com.kt.eventmarketing.tracing;

import io.temporal.common.interceptors.Header;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Workflow-thread MDC: {@code workflowId}, {@code runId}, {@code eventId} and {@code traceId} on every line a
 * workflow logs (through {@code Workflow.getLogger}, which already drops lines while replaying), in the same
 * field names as activity lines.
 * <p>
 * <b>Which trace id.</b> The one of the latest request the workflow took: the start's, then each Update's or
 * signal's that carries one. The handler's own thread gets it at once; every other thread of the workflow adopts
 * it at its next Temporal call (scheduling an activity or child, starting a thread) and when it wakes from
 * {@code Workflow.await} or {@code sleep}. So the channel posts that follow a {@code publish} Update carry the
 * publish request's trace id, while the planning activities carry the creation request's.
 * <p>
 * Nothing here makes a command or reads anything but the inputs' headers, so replay is unaffected; on replay the
 * Updates come back from history with their headers and the same trace ids are chosen.
 */
public class WorkflowMdcInterceptor extends WorkerInterceptorBase {

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new Inbound(next);
    }

    /** One per workflow execution (the SDK asks for a new chain per workflow instance). */
    private static final class Inbound extends WorkflowInboundCallsInterceptorBase {
        private String latestTraceId;

        Inbound(WorkflowInboundCallsInterceptor next) {
            super(next);
        }

        @Override
        public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
            super.init(new Outbound(outboundCalls, this));
        }

        @Override
        public WorkflowOutput execute(WorkflowInput input) {
            String traceId = TraceIds.fromHeader(input.getHeader());
            latestTraceId = traceId != null ? traceId : MDC.get(TraceIds.MDC_TRACE_ID);
            putFields();
            return super.execute(input);
        }

        @Override
        public void handleSignal(SignalInput input) {
            adopt(input.getHeader());
            super.handleSignal(input);
        }

        @Override
        public UpdateOutput executeUpdate(UpdateInput input) {
            adopt(input.getHeader());
            return super.executeUpdate(input);
        }

        private void adopt(Header header) {
            String traceId = TraceIds.fromHeader(header);
            if (traceId != null) {
                latestTraceId = traceId;
            }
            putFields();
        }

        /** The workflow's fields on the current workflow thread. */
        private void putFields() {
            WorkflowInfo info = Workflow.getInfo();
            MDC.put(TraceIds.MDC_WORKFLOW_ID, info.getWorkflowId());
            MDC.put(TraceIds.MDC_RUN_ID, info.getRunId());
            String eventId = TraceIds.eventIdOf(info.getWorkflowId());
            if (eventId != null) {
                MDC.put(TraceIds.MDC_EVENT_ID, eventId);
            }
            syncTraceId();
        }

        void syncTraceId() {
            if (latestTraceId != null && !latestTraceId.equals(MDC.get(TraceIds.MDC_TRACE_ID))) {
                MDC.put(TraceIds.MDC_TRACE_ID, latestTraceId);
            }
        }
    }

    /** Brings the calling thread's trace id up to date before it leaves the workflow and after it waited. */
    private static final class Outbound extends WorkflowOutboundCallsInterceptorBase {
        private final Inbound inbound;

        Outbound(WorkflowOutboundCallsInterceptor next, Inbound inbound) {
            super(next);
            this.inbound = inbound;
        }

        @Override
        public <R> ActivityOutput<R> executeActivity(ActivityInput<R> input) {
            inbound.syncTraceId();
            return super.executeActivity(input);
        }

        @Override
        public <R> LocalActivityOutput<R> executeLocalActivity(LocalActivityInput<R> input) {
            inbound.syncTraceId();
            return super.executeLocalActivity(input);
        }

        @Override
        public <R> ChildWorkflowOutput<R> executeChildWorkflow(ChildWorkflowInput<R> input) {
            inbound.syncTraceId();
            return super.executeChildWorkflow(input);
        }

        @Override
        public SignalExternalOutput signalExternalWorkflow(SignalExternalInput input) {
            inbound.syncTraceId();
            return super.signalExternalWorkflow(input);
        }

        @Override
        public void continueAsNew(ContinueAsNewInput input) {
            inbound.syncTraceId();
            super.continueAsNew(input);
        }

        /** A new thread inherits the MDC of this one (TraceContextPropagator), so bring it up to date first. */
        @Override
        public Object newChildThread(Runnable runnable, boolean detached, String name) {
            inbound.syncTraceId();
            return super.newChildThread(runnable, detached, name);
        }

        @Override
        public void sleep(Duration duration) {
            try {
                super.sleep(duration);
            } finally {
                inbound.syncTraceId();
            }
        }

        @Override
        public boolean await(Duration timeout, String reason, Supplier<Boolean> unblockCondition) {
            try {
                return super.await(timeout, reason, unblockCondition);
            } finally {
                inbound.syncTraceId();
            }
        }

        @Override
        public void await(String reason, Supplier<Boolean> unblockCondition) {
            try {
                super.await(reason, unblockCondition);
            } finally {
                // also when the wait ends in a cancellation: the lines about it belong to the cancelling request
                inbound.syncTraceId();
            }
        }
    }
}
