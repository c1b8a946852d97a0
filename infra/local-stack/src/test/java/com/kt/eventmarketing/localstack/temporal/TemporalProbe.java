package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.time.Duration;
import java.util.UUID;

/**
 * A client and a worker on one frontend, running a workflow shaped like ours where it matters to the server:
 * started with our search attributes, upserting one, then found again through advanced visibility.
 */
final class TemporalProbe implements AutoCloseable {
    static final SearchAttributeKey<String> STORE_ID = SearchAttributeKey.forKeyword("StoreId");
    static final SearchAttributeKey<String> EVENT_STATUS = SearchAttributeKey.forKeyword("EventStatus");

    @WorkflowInterface
    public interface ProbeWorkflow {
        @WorkflowMethod
        String run(String input);
    }

    public static class ProbeWorkflowImpl implements ProbeWorkflow {
        @Override
        public String run(String input) {
            Workflow.upsertTypedSearchAttributes(EVENT_STATUS.valueSet("ACTIVE"));
            return "done " + input;
        }
    }

    private final String taskQueue = "probe-" + UUID.randomUUID();
    private final WorkflowServiceStubs stubs;
    private final WorkflowClient client;
    private final WorkerFactory workers;

    TemporalProbe(String target) {
        stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(TemporalSettings.shared().namespace()).build());
        workers = WorkerFactory.newInstance(client);
        workers.newWorker(taskQueue).registerWorkflowImplementationTypes(ProbeWorkflowImpl.class);
        workers.start();
    }

    /** Runs one workflow to completion; returns its id. */
    String runWorkflow(String storeId) {
        String id = "probe-" + UUID.randomUUID();
        ProbeWorkflow workflow = client.newWorkflowStub(ProbeWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(id).setTaskQueue(taskQueue).setWorkflowRunTimeout(Duration.ofMinutes(2))
                .setTypedSearchAttributes(SearchAttributes.newBuilder().set(STORE_ID, storeId).set(EVENT_STATUS, "DRAFT").build())
                .build());
        String result = workflow.run(storeId);
        if (!result.equals("done " + storeId)) {
            throw new AssertionError(result);
        }
        return id;
    }

    /** Workflows visible for the query, polled until {@code expected} or the timeout: visibility is asynchronous. */
    long awaitCount(String query, long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long count = stubs.blockingStub().listWorkflowExecutions(ListWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(TemporalSettings.shared().namespace()).setQuery(query).build()).getExecutionsCount();
            if (count == expected || System.nanoTime() > deadline) {
                return count;
            }
            Ports.sleep(Duration.ofMillis(200));
        }
    }

    WorkflowServiceStubs stubs() {
        return stubs;
    }

    WorkflowClient client() {
        return client;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        stubs.shutdownNow();
    }
}
