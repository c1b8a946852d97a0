package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.analytics.AnalyticsProperties;
import com.kt.eventmarketing.analytics.ChannelStatsPollWorkflow;
import com.kt.eventmarketing.shared.TaskQueues;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * The Temporal Schedule {@value #SCHEDULE_ID} that starts the statistics round every {@code kt.analytics.stats-interval}
 * (5 min), overlap SKIP. The process whose {@link WorkerPool} polls {@code analytics} creates it (or brings an existing
 * one to the configured interval) once its workers poll, so a schedule never fires at a queue nobody serves. In
 * package {@code workers}, which the gateway (with this module on its test classpath) does not scan.
 */
@Component
public class ChannelStatsSchedule implements SmartLifecycle {
    public static final String SCHEDULE_ID = "analytics-channel-stats";
    private static final Logger log = LoggerFactory.getLogger(ChannelStatsSchedule.class);

    private final WorkflowClient client;
    private final AnalyticsProperties properties;
    private final WorkerPool pool;
    private volatile boolean running;

    public ChannelStatsSchedule(WorkflowClient client, AnalyticsProperties properties, WorkerPool pool) {
        this.client = client;
        this.properties = properties;
        this.pool = pool;
    }

    @Override
    public void start() {
        running = true;
        if (!pool.taskQueues().contains(TaskQueues.ANALYTICS) || !properties.statsScheduleEnabled()) {
            return;
        }
        try {
            ensureSchedule();
        } catch (RuntimeException e) {
            log.warn("could not create the statistics schedule {} (will retry at next start): {}", SCHEDULE_ID, e.toString());
        }
    }

    private void ensureSchedule() {
        ScheduleClient schedules = ScheduleClient.newInstance(client.getWorkflowServiceStubs(),
                ScheduleClientOptions.newBuilder().setNamespace(client.getOptions().getNamespace()).build());
        Schedule schedule = schedule(properties.statsInterval());
        try {
            schedules.createSchedule(SCHEDULE_ID, schedule, ScheduleOptions.newBuilder().build());
            log.info("statistics schedule {} created: every {}", SCHEDULE_ID, properties.statsInterval());
        } catch (ScheduleAlreadyRunningException exists) {
            schedules.getHandle(SCHEDULE_ID).update(input -> new ScheduleUpdate(schedule));
        }
    }

    static Schedule schedule(Duration interval) {
        return Schedule.newBuilder()
                .setAction(ScheduleActionStartWorkflow.newBuilder()
                        .setWorkflowType(ChannelStatsPollWorkflow.class)
                        .setOptions(WorkflowOptions.newBuilder().setWorkflowId(SCHEDULE_ID + "-run")
                                .setTaskQueue(TaskQueues.ANALYTICS).setWorkflowExecutionTimeout(Duration.ofMinutes(15)).build())
                        .build())
                .setSpec(ScheduleSpec.newBuilder().setIntervals(List.of(new ScheduleIntervalSpec(interval))).build())
                .setPolicy(SchedulePolicy.newBuilder().setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP).build())
                .build();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A higher phase than the worker pool's starts later: the queue is served before the schedule can fire. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 999;
    }
}
