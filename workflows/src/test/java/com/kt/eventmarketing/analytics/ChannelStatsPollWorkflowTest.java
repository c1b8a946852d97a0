package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.shared.TaskQueues;
import com.kt.eventmarketing.testing.RecordedHistories;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelStatsPollWorkflowTest {
    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    private final FakeStats stats = new FakeStats();

    ChannelStatsPollWorkflowTest() {
        Worker worker = env.newWorker(TaskQueues.ANALYTICS);
        worker.registerWorkflowImplementationTypes(ChannelStatsPollWorkflowImpl.class);
        worker.registerActivitiesImplementations(stats);
        env.start();
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void pollsEveryActiveEventInGroupsOfAtMostTwenty() {
        stats.active = LongStream.rangeClosed(1, 25).boxed().toList();

        int polled = run("stats-rounds");

        assertThat(polled).isEqualTo(25);
        assertThat(stats.polled).containsExactlyInAnyOrderElementsOf(stats.active);
        assertThat(stats.mostAtOnce.get()).isBetween(2, ChannelStatsPollWorkflowImpl.PARALLEL);
        RecordedHistories.recordIfAsked(env.getWorkflowClient(), "stats-rounds", "channel-stats-rounds-baseline");
    }

    @Test
    void anEventWhosePollFailsDoesNotStopTheRound() {
        stats.active = List.of(1L, 2L, 3L);
        stats.failing = 2L;

        int polled = run("stats-failed-poll");

        assertThat(polled).isEqualTo(3);
        assertThat(stats.polled).containsExactlyInAnyOrder(1L, 2L, 3L);
        RecordedHistories.recordIfAsked(env.getWorkflowClient(), "stats-failed-poll", "channel-stats-failed-poll-baseline");
    }

    private int run(String workflowId) {
        return env.getWorkflowClient().newWorkflowStub(ChannelStatsPollWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId).setTaskQueue(TaskQueues.ANALYTICS).build()).pollActiveEvents();
    }

    /** Counts how many polls overlap; a failing event fails for good, as a database outage would after its retries. */
    static final class FakeStats implements ChannelStatsActivities {
        volatile List<Long> active = List.of();
        volatile Long failing;
        final Set<Long> polled = ConcurrentHashMap.newKeySet();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public List<Long> activeEventsForStats() {
            return active;
        }

        @Override
        public PollResult pollChannelStats(long eventId) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(50);
                polled.add(eventId);
                if (Long.valueOf(eventId).equals(failing)) {
                    throw ApplicationFailure.newNonRetryableFailure("database down", "PollFailed");
                }
                return new PollResult(eventId, 2, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }
    }
}
