package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.tracing.WorkflowMdcInterceptor;
import com.kt.eventmarketing.workers.ActivityMdcInterceptor;
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
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the channel-statistics poller on its own task queue {@value #TASK_QUEUE}, with its own WorkerFactory, so the
 * event pools' registration stays untouched. It runs in the pool that publishes to channels (a worker whose
 * {@code kt.worker.task-queues} contains {@code distribution}), so statistics calls share that pool's per-channel
 * circuit breakers; {@code kt.analytics.stats-worker-enabled} overrides the choice. The same process creates (or
 * updates) the Temporal Schedule {@value #SCHEDULE_ID}: every {@code kt.analytics.stats-interval} (5 min), overlap
 * SKIP.
 */
@Component
public class AnalyticsWorker implements SmartLifecycle {
    public static final String TASK_QUEUE = "analytics";
    public static final String SCHEDULE_ID = "analytics-channel-stats";
    private static final Logger log = LoggerFactory.getLogger(AnalyticsWorker.class);

    private final WorkflowClient client;
    private final ObjectProvider<ChannelStatsActivities> activities;
    private final AnalyticsProperties properties;
    private final boolean enabled;
    private final String poolName;
    private final ObjectProvider<MeterRegistry> meters;
    private WorkerFactory factory;
    private volatile boolean running;

    public AnalyticsWorker(WorkflowClient client, ObjectProvider<ChannelStatsActivities> activities,
                           AnalyticsProperties properties,
                           @Value("${kt.worker.task-queues:}") String taskQueues,
                           @Value("${kt.analytics.stats-worker-enabled:}") String override,
                           @Value("${kt.worker.pool-name:all}") String poolName,
                           ObjectProvider<MeterRegistry> meters) {
        this.client = client;
        this.activities = activities;
        this.properties = properties;
        this.poolName = poolName;
        this.meters = meters;
        List<String> queues = Arrays.stream(taskQueues.split(",")).map(String::trim).toList();
        this.enabled = override.isBlank() ? queues.contains("distribution") : Boolean.parseBoolean(override.trim());
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        // the same MDC fields (workflow, run, trace ids, pool) on its log lines as the event pools' workers
        factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new WorkflowMdcInterceptor(), new ActivityMdcInterceptor(poolName))
                .build());
        WorkerOptions options = WorkerOptions.newBuilder().validateAndBuildWithDefaults();
        Worker worker = factory.newWorker(TASK_QUEUE, options);
        meters.ifAvailable(registry -> registerSlotGauges(registry, options));
        worker.registerWorkflowImplementationTypes(ChannelStatsPollWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities.getObject());
        factory.start();
        running = true;
        log.info("analytics worker polling task queue {}", TASK_QUEUE);
        if (properties.statsScheduleEnabled()) {
            try {
                ensureSchedule();
            } catch (RuntimeException e) {
                log.warn("could not create the statistics schedule {} (will retry at next start): {}", SCHEDULE_ID, e.toString());
            }
        }
    }

    /** The slots of this queue next to the event pools' ({@code kt_worker_slots_configured}, dashboard "Slots"). */
    private void registerSlotGauges(MeterRegistry registry, WorkerOptions options) {
        Gauge.builder("kt.worker.slots.configured", options, o -> o.getMaxConcurrentWorkflowTaskExecutionSize())
                .description("slots this pool configured for a task queue")
                .tags("task_queue", TASK_QUEUE, "worker_type", "WorkflowWorker", "pool", poolName).register(registry);
        Gauge.builder("kt.worker.slots.configured", options, o -> o.getMaxConcurrentActivityExecutionSize())
                .description("slots this pool configured for a task queue")
                .tags("task_queue", TASK_QUEUE, "worker_type", "ActivityWorker", "pool", poolName).register(registry);
    }

    /** Creates the schedule, or brings an existing one to the configured interval. */
    void ensureSchedule() {
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
                                .setTaskQueue(TASK_QUEUE).setWorkflowExecutionTimeout(Duration.ofMinutes(15)).build())
                        .build())
                .setSpec(ScheduleSpec.newBuilder().setIntervals(List.of(new ScheduleIntervalSpec(interval))).build())
                .setPolicy(SchedulePolicy.newBuilder().setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP).build())
                .build();
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public void stop() {
        if (factory != null) {
            factory.shutdown();
            factory.awaitTermination(10, TimeUnit.SECONDS);
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
