package com.kt.eventmarketing.events;

import com.kt.eventmarketing.shared.TaskQueues;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
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
 * Replays recorded histories against today's workflow code: a change that is not replay-safe (and not guarded
 * by Workflow.getVersion) fails here, before it can break running events.
 */
class EventCreationReplayTest {
    private static final Path HISTORIES = Path.of("src/test/resources/histories");

    @TestFactory
    Stream<DynamicTest> recordedHistoriesReplay() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(HISTORIES)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("recorded histories").hasSizeGreaterThanOrEqualTo(4);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
                Worker worker = env.newWorker(TaskQueues.EVENT_WORKFLOW, WorkerOptions.newBuilder()
                        .setDefaultDeadlockDetectionTimeout(EventWorkflowHarness.DEADLOCK_DETECTION_MILLIS).build());
                worker.registerWorkflowImplementationTypes(EventCreationWorkflowImpl.class);
                WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(Files.readString(file)), worker);
            }
        }));
    }
}
