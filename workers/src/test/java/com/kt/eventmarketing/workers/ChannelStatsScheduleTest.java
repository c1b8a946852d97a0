package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.analytics.ChannelStatsPollWorkflow;
import com.kt.eventmarketing.shared.TaskQueues;
import com.kt.eventmarketing.testsupport.WithRealServers;
import io.temporal.client.WorkflowClient;
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
        // with nobody on the queue the execution timeout fails the call
        int polled = client.newWorkflowStub(ChannelStatsPollWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("stats-it-round").setTaskQueue(TaskQueues.ANALYTICS)
                .setWorkflowExecutionTimeout(Duration.ofMinutes(1)).build()).pollActiveEvents();
        assertThat(polled).isNotNegative();
    }
}
