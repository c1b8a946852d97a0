package com.kt.eventmarketing.tracing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace id from the client's MDC through a workflow to its activities, with the propagator on the client
 * options and the interceptor on the worker factory, as both applications configure them: the start request's
 * trace id reaches the first activity, an {@code Async} thread's activity and the workflow's log lines (with
 * workflowId, runId and eventId); an Update's trace id reaches the activity its handler runs, the activities the
 * main thread runs after it, and a child workflow's activity. Without a trace id nothing stale shows up.
 */
class TraceContextPropagationTest {
    static final String QUEUE = "trace-test";
    /** step -> the MDC trace id the activity saw; "-" for none. */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger workflowLogger = (Logger) LoggerFactory.getLogger(TracedWorkflowImpl.class);

    @ActivityInterface
    public interface StepActivities {
        void step(String name);
    }

    public static class StepActivitiesImpl implements StepActivities {
        @Override
        public void step(String name) {
            String traceId = MDC.get(TraceIds.MDC_TRACE_ID);
            SEEN.put(name, traceId == null ? "-" : traceId);
        }
    }

    @WorkflowInterface
    public interface TracedWorkflow {
        @WorkflowMethod
        void run();

        @UpdateMethod
        void proceed();
    }

    @WorkflowInterface
    public interface ChildWorkflow {
        @WorkflowMethod
        void child();
    }

    public static class TracedWorkflowImpl implements TracedWorkflow {
        private static final org.slf4j.Logger log = Workflow.getLogger(TracedWorkflowImpl.class);
        private final StepActivities steps = Workflow.newActivityStub(StepActivities.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private boolean proceeded;

        @Override
        public void run() {
            log.info("started");
            steps.step("start");
            Async.procedure(() -> {
                log.info("async thread");
                steps.step("async");
            }).get();
            Workflow.await(() -> proceeded);
            log.info("after update");
            steps.step("after-update");
            Workflow.newChildWorkflowStub(ChildWorkflow.class,
                    ChildWorkflowOptions.newBuilder().setWorkflowId(Workflow.getInfo().getWorkflowId() + "-child").build()).child();
        }

        @Override
        public void proceed() {
            log.info("update handler");
            steps.step("in-update");
            proceeded = true;
        }
    }

    public static class ChildWorkflowImpl implements ChildWorkflow {
        private final StepActivities steps = Workflow.newActivityStub(StepActivities.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public void child() {
            steps.step("child");
        }
    }

    @BeforeEach
    void setUp() {
        SEEN.clear();
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(TraceContext.install(WorkflowClientOptions.newBuilder()).build())
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new WorkflowMdcInterceptor()).build())
                .build());
        Worker worker = env.newWorker(QUEUE, WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(30_000).build());
        worker.registerWorkflowImplementationTypes(TracedWorkflowImpl.class, ChildWorkflowImpl.class);
        worker.registerActivitiesImplementations(new StepActivitiesImpl());
        env.start();
        client = env.getWorkflowClient();
        lines.start();
        workflowLogger.addAppender(lines);
    }

    @AfterEach
    void tearDown() {
        workflowLogger.detachAppender(lines);
        MDC.clear();
        env.close();
    }

    @Test
    void theStartAndUpdateTraceIdsReachTheActivitiesAndTheWorkflowsLogLines() throws Exception {
        TracedWorkflow workflow = client.newWorkflowStub(TracedWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId("event-4242").setTaskQueue(QUEUE).build());
        MDC.put(TraceIds.MDC_TRACE_ID, "trace-of-the-create-request");
        WorkflowClient.start(workflow::run);
        awaitSeen("async");

        MDC.put(TraceIds.MDC_TRACE_ID, "trace-of-the-update-request");
        workflow.proceed();
        MDC.remove(TraceIds.MDC_TRACE_ID);
        client.newUntypedWorkflowStub("event-4242").getResult(Void.class);

        assertThat(SEEN).containsEntry("start", "trace-of-the-create-request")
                .containsEntry("async", "trace-of-the-create-request")
                .containsEntry("in-update", "trace-of-the-update-request")
                .containsEntry("after-update", "trace-of-the-update-request")
                .containsEntry("child", "trace-of-the-update-request");

        Map<String, Map<String, String>> mdcByMessage = new HashMap<>();
        lines.list.forEach(e -> mdcByMessage.put(e.getFormattedMessage(), e.getMDCPropertyMap()));
        assertThat(mdcByMessage).containsKeys("started", "async thread", "update handler", "after update");
        for (String message : List.of("started", "async thread", "update handler", "after update")) {
            assertThat(mdcByMessage.get(message)).as(message)
                    .containsEntry(TraceIds.MDC_WORKFLOW_ID, "event-4242")
                    .containsEntry(TraceIds.MDC_EVENT_ID, "4242")
                    .containsKey(TraceIds.MDC_RUN_ID);
        }
        assertThat(mdcByMessage.get("started")).containsEntry(TraceIds.MDC_TRACE_ID, "trace-of-the-create-request");
        assertThat(mdcByMessage.get("async thread")).containsEntry(TraceIds.MDC_TRACE_ID, "trace-of-the-create-request");
        assertThat(mdcByMessage.get("update handler")).containsEntry(TraceIds.MDC_TRACE_ID, "trace-of-the-update-request");
        assertThat(mdcByMessage.get("after update")).containsEntry(TraceIds.MDC_TRACE_ID, "trace-of-the-update-request");
    }

    @Test
    void withoutATraceIdNothingIsPropagatedAndNothingStaleRemains() throws Exception {
        TracedWorkflow workflow = client.newWorkflowStub(TracedWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId("plain-7").setTaskQueue(QUEUE).build());
        WorkflowClient.start(workflow::run);
        awaitSeen("async");
        workflow.proceed();
        client.newUntypedWorkflowStub("plain-7").getResult(Void.class);

        assertThat(SEEN).containsOnlyKeys("start", "async", "in-update", "after-update", "child");
        assertThat(SEEN.values()).containsOnly("-");
        lines.list.forEach(e -> assertThat(e.getMDCPropertyMap()).as(e.getFormattedMessage())
                .doesNotContainKeys(TraceIds.MDC_TRACE_ID, TraceIds.MDC_EVENT_ID)
                .containsEntry(TraceIds.MDC_WORKFLOW_ID, "plain-7"));
    }

    private static void awaitSeen(String step) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!SEEN.containsKey(step) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(SEEN).as("activity step " + step + " ran").containsKey(step);
    }
}
