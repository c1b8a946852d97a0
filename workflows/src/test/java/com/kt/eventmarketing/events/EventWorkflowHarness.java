package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.shared.TaskQueues;
import com.kt.eventmarketing.testing.RecordedHistories;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A time-skipping Temporal test server with the workflow and fake activities on their real task queues. */
final class EventWorkflowHarness implements AutoCloseable {
    static final Duration DRAFT_EXPIRY = Duration.ofDays(7);
    /**
     * Workflow code here never blocks; the SDK's 1 s deadlock detector only trips when a loaded CI machine
     * (2 cores shared with servers and other builds) is slow to load classes on the first workflow task.
     */
    static final long DEADLOCK_DETECTION_MILLIS = 30_000;

    final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    final FakeActivities fakes = new FakeActivities();
    final WorkflowClient client = env.getWorkflowClient();

    EventWorkflowHarness() {
        env.registerSearchAttribute("StoreId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
        env.registerSearchAttribute("EventStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
        env.registerSearchAttribute("Objective", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
        env.newWorker(TaskQueues.EVENT_WORKFLOW, WorkerOptions.newBuilder()
                .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION_MILLIS).build())
                .registerWorkflowImplementationTypes(EventCreationWorkflowImpl.class);
        env.newWorker(TaskQueues.AI).registerActivitiesImplementations(fakes.ai);
        env.newWorker(TaskQueues.CONTENT).registerActivitiesImplementations(fakes.content);
        env.newWorker(TaskQueues.DISTRIBUTION).registerActivitiesImplementations(fakes.channels);
        Worker core = env.newWorker(TaskQueues.CORE);
        core.registerActivitiesImplementations(fakes.records, fakes.participation);
        env.start();
    }

    EventCreationWorkflow start(long eventId) {
        EventCreationWorkflow workflow = client.newWorkflowStub(EventCreationWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(EventCreationInput.workflowId(eventId))
                .setTaskQueue(TaskQueues.EVENT_WORKFLOW)
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(EventSearchAttributes.STORE_ID, "7")
                        .set(EventSearchAttributes.OBJECTIVE, EventObjective.NEW_CUSTOMERS.name())
                        .set(EventSearchAttributes.EVENT_STATUS, EventStatus.DRAFT.name())
                        .build())
                .build());
        WorkflowClient.start(workflow::run, new EventCreationInput(eventId, 3, 7, "맛있는 치킨", "음식점",
                "서울특별시 강남구 테헤란로 1", "서울특별시", EventObjective.NEW_CUSTOMERS,
                "http://127.0.0.1:8080/p/" + eventId, DRAFT_EXPIRY, null, null));
        return workflow;
    }

    /** Polls the query without advancing time (time skips only while the client waits for a result). */
    static EventSnapshot awaitStep(EventCreationWorkflow workflow, EventStep step) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        EventSnapshot last = null;
        while (System.nanoTime() < deadline) {
            last = workflow.snapshot();
            if (last.step() == step) {
                return last;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("workflow did not reach " + step + "; last step " + (last == null ? null : last.step()));
    }

    /** Moves the test server's clock on, firing the timers that fall due. */
    void sleep(Duration duration) {
        env.sleep(duration);
    }

    Instant now() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    /** Drives the owner's steps up to READY_TO_PUBLISH with the given channels, starting in 1 day for 2 days. */
    EventSnapshot driveToReady(EventCreationWorkflow workflow, ChannelType... channels) {
        awaitStep(workflow, EventStep.SELECT_RECOMMENDATION);
        workflow.selectRecommendation(new RecommendationChoice(1, "주말 치킨 파티", null, null));
        EventSnapshot editing = awaitStep(workflow, EventStep.EDIT_CONTENT);
        workflow.editContent(new ContentChoice(editing.images().get(0).imageId(), "주말 치킨 파티", "치킨 1마리",
                "매장 방문 후 참여", new Colors("#FFFFFF", "#222222", "#FF5500")));
        awaitStep(workflow, EventStep.SELECT_CHANNELS);
        Instant start = now().plus(Duration.ofDays(1));
        workflow.chooseChannels(new ChannelChoice(List.of(channels).stream()
                .map(c -> new ChannelSelection(c, Map.of("radius", "500"))).toList(), start, start.plus(Duration.ofDays(2)),
                new com.kt.eventmarketing.participation.AutoDraw(3, com.kt.eventmarketing.participation.AutoDraw.Algorithm.WEIGHTED, 2)));
        return awaitStep(workflow, EventStep.READY_TO_PUBLISH);
    }

    void recordHistoryIfAsked(long eventId, String name) {
        RecordedHistories.recordIfAsked(client, EventCreationInput.workflowId(eventId), name);
    }

    @Override
    public void close() {
        env.close();
    }
}
