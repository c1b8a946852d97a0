package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.analytics.ChannelStatsPollWorkflow;
import com.kt.eventmarketing.shared.TaskQueues;
import com.kt.eventmarketing.testsupport.WithRealServers;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool that publishes to channels, on the real servers: its {@link WorkerPool} also serves {@code analytics} with
 * the statistics workflow and the real activities, and it has created the schedule that starts that workflow.
 */
@WithRealServers
@SpringBootTest(classes = WorkersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "kt.worker.pool-name=stats-it",
        "kt.worker.task-queues=distribution",
})
@DirtiesContext
class ChannelStatsScheduleTest {
    private static final String ROUND_ID = "stats-it-round";

    @Autowired
    WorkflowClient client;

    @Autowired
    WorkerPool pool;

    @Test
    void thePoolThatPublishesToChannelsRunsTheStatisticsRoundAndKeepsItsSchedule() {
        assertThat(pool.taskQueues()).containsExactly(TaskQueues.DISTRIBUTION, TaskQueues.ANALYTICS);

        ScheduleDescription schedule = ScheduleClient.newInstance(client.getWorkflowServiceStubs(),
                        ScheduleClientOptions.newBuilder().setNamespace(client.getOptions().getNamespace()).build())
                .getHandle(ChannelStatsSchedule.SCHEDULE_ID).describe();
        ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) schedule.getSchedule().getAction();
        assertThat(action.getWorkflowType()).isEqualTo("AnalyticsChannelStatsPoll");
        assertThat(action.getOptions().getTaskQueue()).isEqualTo(TaskQueues.ANALYTICS);
        assertThat(schedule.getSchedule().getSpec().getIntervals()).extracting(ScheduleIntervalSpec::getEvery)
                .containsExactly(Duration.ofMinutes(5));

        // a round only ends when a worker of this pool ran the workflow and its activities (the database query);
        // with nobody on the queue the execution timeout fails the call. The timeout leaves room for one matching
        // long poll (60 s): on a fresh dev server a task has waited that long for a poll a few times in CI.
        long started = System.nanoTime();
        int polled;
        try {
            polled = client.newWorkflowStub(ChannelStatsPollWorkflow.class, WorkflowOptions.newBuilder()
                    .setWorkflowId(ROUND_ID).setTaskQueue(TaskQueues.ANALYTICS)
                    .setWorkflowExecutionTimeout(Duration.ofMinutes(3)).build()).pollActiveEvents();
        } catch (WorkflowFailedException e) {
            throw new AssertionError("the statistics round did not finish:\n" + history(), e);
        }
        if (Duration.ofNanos(System.nanoTime() - started).toSeconds() > 10) {
            // passed, but slowly: leave the evidence of where it waited in the test output
            System.out.println("slow statistics round:\n" + history());
        }
        assertThat(polled).isNotNegative();
    }

    private String history() {
        StringBuilder lines = new StringBuilder();
        for (HistoryEvent event : client.fetchHistory(ROUND_ID).getEvents()) {
            lines.append(event.getEventId()).append(' ')
                    .append(Instant.ofEpochSecond(event.getEventTime().getSeconds(), event.getEventTime().getNanos()))
                    .append(' ').append(event.getEventType()).append(' ')
                    .append(event.hasWorkflowTaskStartedEventAttributes() ? event.getWorkflowTaskStartedEventAttributes().getIdentity() : "")
                    .append(event.hasActivityTaskStartedEventAttributes() ? event.getActivityTaskStartedEventAttributes().getIdentity() : "")
                    .append('\n');
        }
        return lines.toString();
    }
}
