package com.kt.eventmarketing.events;

import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.shared.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The gateway's only door to the event workflows: start, query, and Updates whose rejections become the
 * API's 400 (bad value) and 409 (wrong step) answers.
 */
@Component
public class EventWorkflows {
    private static final String ILLEGAL_ARGUMENT = IllegalArgumentException.class.getName();

    private final WorkflowClient client;

    public EventWorkflows(WorkflowClient client) {
        this.client = client;
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
        } catch (WorkflowException | io.grpc.StatusRuntimeException e) {
            return Optional.empty();
        }
    }

    public EventSnapshot update(long eventId, Function<EventCreationWorkflow, EventSnapshot> update) {
        try {
            return update.apply(stub(eventId));
        } catch (WorkflowUpdateException e) {
            throw rejection(e);
        } catch (WorkflowNotFoundException e) {
            throw new ApiException(HttpStatus.CONFLICT, "Event closed",
                    "the event's workflow has finished; it can no longer be changed", List.of());
        }
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
