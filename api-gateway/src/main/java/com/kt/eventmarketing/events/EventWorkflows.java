package com.kt.eventmarketing.events;

import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.UnavailableException;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import com.kt.eventmarketing.shared.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The gateway's only door to the event workflows: start, query, and Updates whose rejections become the
 * API's 400 (bad value) and 409 (wrong step) answers. An Update waits at most {@code kt.events.update-timeout} for
 * its answer and Temporal being unreachable is a 503: a request thread never hangs on a workflow that no worker
 * is running, nor turns an outage into a 500.
 */
@Component
public class EventWorkflows implements DisposableBean {
    private static final String ILLEGAL_ARGUMENT = IllegalArgumentException.class.getName();
    private static final long RETRY_AFTER_SECONDS = 5;

    private final WorkflowClient client;
    private final Duration updateTimeout;
    private final ExecutorService updates = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "event-update");
        thread.setDaemon(true);
        return thread;
    });

    public EventWorkflows(WorkflowClient client, EventProperties properties) {
        this.client = client;
        this.updateTimeout = properties.updateTimeout();
    }

    @Override
    public void destroy() {
        updates.shutdownNow();
    }

    public void start(EventCreationInput input, String storeName) {
        EventCreationWorkflow workflow = client.newWorkflowStub(EventCreationWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(EventCreationInput.workflowId(input.eventId()))
                .setTaskQueue(TaskQueues.EVENT_WORKFLOW)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(EventSearchAttributes.STORE_ID, Long.toString(input.storeId()))
                        .set(EventSearchAttributes.OBJECTIVE, input.objective().name())
                        .set(EventSearchAttributes.EVENT_STATUS, EventStatus.DRAFT.name())
                        .build())
                .setMemo(Map.of("storeName", storeName, "ownerId", input.ownerId()))
                .build());
        WorkflowClient.start(workflow::run, input);
    }

    /** The live state, or empty when the workflow cannot be asked (Temporal down, history gone). */
    public Optional<EventSnapshot> snapshot(long eventId) {
        try {
            return Optional.of(stub(eventId).snapshot());
        } catch (WorkflowException | StatusRuntimeException e) {
            return Optional.empty();
        }
    }

    public EventSnapshot update(long eventId, Function<EventCreationWorkflow, EventSnapshot> update) {
        failFastWhileTemporalIsDown();
        // the trace id travels in the MDC, which the Temporal client interceptor reads on the calling thread
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Future<EventSnapshot> answer = updates.submit(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                return update.apply(stub(eventId));
            } finally {
                MDC.clear();
            }
        });
        try {
            return answer.get(updateTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new UnavailableException("Workflow did not answer", "the event's workflow did not answer within "
                    + updateTimeout.toSeconds() + " s; the change may still be applied: read the event again",
                    RETRY_AFTER_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw unavailable();
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    /**
     * An Update against a Temporal that does not answer would hold the owner for the whole update timeout (its long
     * poll is not cut short by the RPC deadline). When the last connection attempt already failed, answer the 503 at
     * once and ask for a new attempt now rather than after gRPC's back-off, so the first change after Temporal is
     * back goes through.
     */
    private void failFastWhileTemporalIsDown() {
        ManagedChannel channel = client.getWorkflowServiceStubs().getRawChannel();
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
            throw unavailable();
        }
    }

    /** Visible for tests: what a failed Update call becomes at the API. */
    public static RuntimeException translate(Throwable failure) {
        if (failure instanceof WorkflowUpdateException e) {
            return rejection(e);
        }
        if (failure instanceof WorkflowNotFoundException) {
            return new ApiException(HttpStatus.CONFLICT, "Event closed",
                    "the event's workflow has finished; it can no longer be changed", List.of());
        }
        if (failure instanceof WorkflowServiceException || failure instanceof StatusRuntimeException) {
            return unavailable();
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private static UnavailableException unavailable() {
        return new UnavailableException("Workflow service unavailable",
                "the workflow service cannot be reached; try again shortly", RETRY_AFTER_SECONDS);
    }

    private EventCreationWorkflow stub(long eventId) {
        return client.newWorkflowStub(EventCreationWorkflow.class, EventCreationInput.workflowId(eventId));
    }

    /** Validators say "field: rule" in an IllegalArgumentException and the step in an IllegalStateException. */
    private static ApiException rejection(WorkflowUpdateException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ApplicationFailure failure) {
            String message = failure.getOriginalMessage();
            if (ILLEGAL_ARGUMENT.equals(failure.getType())) {
                int colon = message.indexOf(": ");
                return colon > 0
                        ? ApiException.badField(message.substring(0, colon), "workflow", message.substring(colon + 2))
                        : ApiException.badField("body", "workflow", message);
            }
            return new ApiException(HttpStatus.CONFLICT, "Not possible now", message, List.of());
        }
        return new ApiException(HttpStatus.CONFLICT, "Not possible now",
                cause == null ? e.getMessage() : cause.getMessage(), List.of());
    }
}
