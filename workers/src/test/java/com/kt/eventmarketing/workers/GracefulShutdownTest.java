package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.ai.AiPlanningActivities;
import com.kt.eventmarketing.analytics.ChannelStatsActivities;
import com.kt.eventmarketing.content.ImageGenerationActivities;
import com.kt.eventmarketing.distribution.ChannelPublishActivities;
import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelRetractRequest;
import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.events.EventRecordActivities;
import com.kt.eventmarketing.participation.ParticipationActivities;
import com.kt.eventmarketing.shared.TaskQueues;
import com.kt.eventmarketing.testsupport.RealServers;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.ActivityStub;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling restart on the real Temporal server (CLI dev server): pool A runs three publish activities that
 * are still working when it is told to stop; three more wait on the server. A's stop waits for its running
 * activities, which complete and are accepted; the waiting ones are taken by pool B. Every activity runs exactly
 * once (no retry, nothing lost), and each log line of an activity had the workflow, run and event ids in its MDC.
 */
class GracefulShutdownTest {
    private static final int SLOTS = 3;
    private static final int ACTIVITIES = 6;

    private static WorkflowServiceStubs stubs;
    private static WorkflowClient client;
    private static WorkerFactory workflowWorkers;
    private static String workflowQueue;

    @BeforeAll
    static void servers() {
        RealServers.start();
        stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(RealServers.temporalTarget()).build());
        client = WorkflowClient.newInstance(stubs);
        workflowQueue = "graceful-test-" + UUID.randomUUID();
        workflowWorkers = WorkerFactory.newInstance(client);
        workflowWorkers.newWorker(workflowQueue).registerWorkflowImplementationTypes(FanOutWorkflowImpl.class);
        workflowWorkers.start();
    }

    @AfterAll
    static void close() {
        if (workflowWorkers != null) {
            workflowWorkers.shutdownNow();
        }
        if (stubs != null) {
            stubs.shutdownNow();
        }
    }

    @Test
    void stoppingPoolFinishesItsRunningActivitiesAndHandsTheRestToTheOtherPool() throws Exception {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<Map<String, String>> mdcSeen = new ArrayList<>();
        CountDownLatch releaseA = new CountDownLatch(1);
        CountDownLatch releaseB = new CountDownLatch(0);
        BlockingChannels channelsA = new BlockingChannels("pool-a", runs, releaseA, mdcSeen);
        BlockingChannels channelsB = new BlockingChannels("pool-b", runs, releaseB, mdcSeen);
        WorkerPool poolA = pool("pool-a", channelsA);
        WorkerPool poolB = pool("pool-b", channelsB);

        poolA.start();
        long eventId = 900_000 + (long) (Math.random() * 99_999);
        String workflowId = "event-" + eventId;
        FanOutWorkflow workflow = client.newWorkflowStub(FanOutWorkflow.class, WorkflowOptions.newBuilder()
                .setTaskQueue(workflowQueue).setWorkflowId(workflowId).setWorkflowExecutionTimeout(Duration.ofMinutes(3)).build());
        CompletableFuture<List<String>> result = WorkflowClient.execute(workflow::run, eventId, ACTIVITIES);

        await(() -> channelsA.started.get() == SLOTS, "pool A runs its " + SLOTS + " slots");
        Thread.sleep(1_000);
        assertThat(channelsA.started.get()).as("A has no free slot, so the other activities wait on the server").isEqualTo(SLOTS);

        long stopAsked = System.nanoTime();
        CompletableFuture<Long> stopping = CompletableFuture.supplyAsync(() -> {
            poolA.stop();
            return System.nanoTime();
        });
        await(poolA::isStopping, "pool A stopping");
        Thread.sleep(1_500);
        assertThat(stopping).as("stop waits for the running activities").isNotDone();
        assertThat(channelsA.finished.get()).isZero();

        poolB.start();
        long released = System.nanoTime();
        releaseA.countDown();
        long stopped = stopping.get(30, TimeUnit.SECONDS);
        assertThat(stopped).as("stop returned only after the running activities were released").isGreaterThan(released);
        assertThat(TimeUnit.NANOSECONDS.toMillis(stopped - stopAsked)).isGreaterThanOrEqualTo(1_500);
        assertThat(channelsA.finished.get()).as("A's running activities completed within the grace period").isEqualTo(SLOTS);

        List<String> ranBy = result.get(90, TimeUnit.SECONDS);
        try {
            assertThat(ranBy).hasSize(ACTIVITIES);
            assertThat(ranBy.stream().filter(r -> r.startsWith("pool-a:")).count())
                    .as("results of the activities A finished while stopping were accepted").isEqualTo(SLOTS);
            assertThat(ranBy.stream().filter(r -> r.startsWith("pool-b:")).count())
                    .as("the activities A never started were handed to B").isEqualTo(ACTIVITIES - SLOTS);
            assertThat(runs).hasSize(ACTIVITIES);
            assertThat(runs.values()).as("no activity ran twice").allSatisfy(count -> assertThat(count.get()).isEqualTo(1));

            synchronized (mdcSeen) {
                assertThat(mdcSeen).hasSize(ACTIVITIES).allSatisfy(mdc -> {
                    assertThat(mdc).containsEntry(ActivityMdcInterceptor.WORKFLOW_ID, workflowId)
                            .containsEntry(ActivityMdcInterceptor.EVENT_ID, Long.toString(eventId))
                            .containsEntry(ActivityMdcInterceptor.TASK_QUEUE, TaskQueues.DISTRIBUTION)
                            .containsEntry(ActivityMdcInterceptor.ACTIVITY_TYPE, "Publish")
                            .containsEntry(ActivityMdcInterceptor.ATTEMPT, "1")
                            .containsKey(ActivityMdcInterceptor.RUN_ID);
                    assertThat(mdc.get(ActivityMdcInterceptor.POOL)).isIn("pool-a", "pool-b");
                });
            }
            assertThat(MDC.getCopyOfContextMap()).as("test thread untouched").isNullOrEmpty();
        } finally {
            poolB.stop();
        }
    }

    private static WorkerPool pool(String name, ChannelPublishActivities channels) {
        WorkerPoolProperties properties = new WorkerPoolProperties(name, List.of(TaskQueues.DISTRIBUTION),
                Map.of(TaskQueues.DISTRIBUTION, new QueueTuning(SLOTS, null, null, null, 1, 2, 1)), Duration.ofSeconds(30));
        return new WorkerPool(properties, client,
                none(AiPlanningActivities.class), none(ImageGenerationActivities.class),
                new StaticListableBeanFactory(Map.of("channels", channels)).getBeanProvider(ChannelPublishActivities.class),
                none(EventRecordActivities.class), none(ParticipationActivities.class), none(ChannelStatsActivities.class),
                false, none(MeterRegistry.class));
    }

    private static <T> ObjectProvider<T> none(Class<T> type) {
        return new StaticListableBeanFactory().getBeanProvider(type);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Publishes nothing; counts runs per (event, channel) and holds each run until released. */
    static final class BlockingChannels implements ChannelPublishActivities {
        final String pool;
        final Map<String, AtomicInteger> runs;
        final CountDownLatch release;
        final List<Map<String, String>> mdcSeen;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();

        BlockingChannels(String pool, Map<String, AtomicInteger> runs, CountDownLatch release, List<Map<String, String>> mdcSeen) {
            this.pool = pool;
            this.runs = runs;
            this.release = release;
            this.mdcSeen = mdcSeen;
        }

        @Override
        public ChannelPublishResult publish(ChannelPublishRequest request) {
            runs.computeIfAbsent(request.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            synchronized (mdcSeen) {
                mdcSeen.add(MDC.getCopyOfContextMap());
            }
            started.incrementAndGet();
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
                Thread.sleep(200); // still working a little after the release
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: the pool did not wait for this activity", e);
            }
            finished.incrementAndGet();
            return new ChannelPublishResult(request.channel(), pool + ":" + request.idempotencyKey(), null);
        }

        @Override
        public void retract(ChannelRetractRequest request) {
        }
    }

    @WorkflowInterface
    public interface FanOutWorkflow {
        @WorkflowMethod
        List<String> run(long eventId, int channels);
    }

    /** Test-only workflow: one publish per (event, channel), in parallel, retried like the real distribution. */
    public static class FanOutWorkflowImpl implements FanOutWorkflow {
        @Override
        public List<String> run(long eventId, int channels) {
            ActivityStub publish = Workflow.newUntypedActivityStub(ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.DISTRIBUTION)
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1)).setMaximumAttempts(3).build())
                    .build());
            List<Promise<ChannelPublishResult>> results = new ArrayList<>();
            for (int i = 0; i < channels; i++) {
                ChannelType channel = ChannelType.values()[i % ChannelType.values().length];
                ChannelPublishRequest request = new ChannelPublishRequest(eventId * 10 + i, channel, Map.of(), "store", "title",
                        "prize", "guide", null, null, null, null);
                results.add(publish.executeAsync("Publish", ChannelPublishResult.class, request));
            }
            List<String> ranBy = new ArrayList<>();
            for (Promise<ChannelPublishResult> result : results) {
                ranBy.add(result.get().externalId());
            }
            return ranBy;
        }
    }
}
