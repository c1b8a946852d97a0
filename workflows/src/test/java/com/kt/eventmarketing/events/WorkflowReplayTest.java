package com.kt.eventmarketing.events;

import com.kt.eventmarketing.analytics.ChannelStatsPollWorkflowImpl;
import com.kt.eventmarketing.shared.TaskQueues;
import com.kt.eventmarketing.testing.RecordedHistories;
import com.kt.eventmarketing.tracing.TraceContext;
import com.kt.eventmarketing.tracing.WorkflowMdcInterceptor;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays recorded histories of every workflow type against today's workflow code: a change that is not
 * replay-safe (and not guarded by Workflow.getVersion) fails here, before it can break running workflows.
 */
class WorkflowReplayTest {

    @TestFactory
    Stream<DynamicTest> recordedHistoriesReplay() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(RecordedHistories.DIR)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("recorded histories").hasSizeGreaterThanOrEqualTo(4);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // with the trace propagator and the MDC interceptor the applications install: they must not change replay
            try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                    .setWorkflowClientOptions(TraceContext.install(WorkflowClientOptions.newBuilder()).build())
                    .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
                            .setWorkerInterceptors(new WorkflowMdcInterceptor()).build())
                    .build())) {
                Worker worker = env.newWorker(TaskQueues.EVENT_WORKFLOW, WorkerOptions.newBuilder()
                        .setDefaultDeadlockDetectionTimeout(EventWorkflowHarness.DEADLOCK_DETECTION_MILLIS).build());
                // the replayer picks the implementation by the history's workflow type
                worker.registerWorkflowImplementationTypes(EventCreationWorkflowImpl.class, ChannelStatsPollWorkflowImpl.class);
                WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(Files.readString(file)), worker);
            }
        }));
    }
}
