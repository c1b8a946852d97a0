package com.kt.eventmarketing.bench;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Workflows whose pending workflow task was scheduled longer ago than its start-to-close timeout: a task lost with
 * a killed node or a dropped connection that nobody re-dispatched. Flows parked at ACTIVE wait on a timer and have
 * no pending workflow task at all.
 */
final class StuckWorkflowTasks {
    private StuckWorkflowTasks() {
    }

    static List<String> find(String target, List<String> workflowIds) {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        try {
            List<String> stuck = new ArrayList<>();
            for (String id : workflowIds) {
                DescribeWorkflowExecutionResponse d = stubs.blockingStub().describeWorkflowExecution(
                        DescribeWorkflowExecutionRequest.newBuilder().setNamespace("default")
                                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id)).build());
                if (!d.hasPendingWorkflowTask()) {
                    continue;
                }
                var task = d.getPendingWorkflowTask();
                long timeout = d.getExecutionConfig().getDefaultWorkflowTaskTimeout().getSeconds();
                Instant scheduled = Instant.ofEpochSecond(task.getScheduledTime().getSeconds());
                if (scheduled.plusSeconds(Math.max(timeout, 10)).isBefore(Instant.now())) {
                    stuck.add(id + " (" + task.getState() + " since " + scheduled + ", attempt " + task.getAttempt() + ")");
                }
            }
            return stuck;
        } finally {
            stubs.shutdownNow();
        }
    }
}
