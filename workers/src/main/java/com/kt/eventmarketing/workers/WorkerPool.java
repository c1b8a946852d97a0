package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.ai.AiPlanningActivities;
import com.kt.eventmarketing.analytics.ChannelStatsActivities;
import com.kt.eventmarketing.analytics.ChannelStatsPollWorkflowImpl;
import com.kt.eventmarketing.content.ImageGenerationActivities;
import com.kt.eventmarketing.distribution.ChannelPublishActivities;
import com.kt.eventmarketing.events.EventCreationWorkflowImpl;
import com.kt.eventmarketing.events.EventRecordActivities;
import com.kt.eventmarketing.participation.ParticipationActivities;
import com.kt.eventmarketing.shared.TaskQueues;
import com.kt.eventmarketing.tracing.WorkflowMdcInterceptor;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.tuning.PollerBehaviorAutoscaling;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Creates one Temporal worker per polled task queue ({@link WorkerPoolProperties#polledQueues}) and registers what
 * runs there. Started after the web
 * server (health is visible first) and stopped before the database pool closes, with a grace period in which
 * running activities finish and unstarted tasks go back to the server for another pool to take.
 * <p>
 * Per queue it applies the {@link QueueTuning}: slots, poller autoscaling, queue-wide and per-worker rate
 * limits. Worker identities are {@code <pool>:<pid>@<host>}, so the Web UI shows which pool ran an activity, and
 * every workflow and activity logs with workflow, run, event and trace ids in its MDC ({@link WorkflowMdcInterceptor},
 * {@link ActivityMdcInterceptor}; the trace id travels with the client's {@link TemporalTracingConfiguration}).
 */
@Component
public class WorkerPool implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final WorkerPoolProperties properties;
    private final WorkerFactory factory;
    private final ObjectProvider<AiPlanningActivities> ai;
    private final ObjectProvider<ImageGenerationActivities> content;
    private final ObjectProvider<ChannelPublishActivities> distribution;
    private final ObjectProvider<EventRecordActivities> core;
    private final ObjectProvider<ParticipationActivities> participation;
    private final ObjectProvider<ChannelStatsActivities> stats;
    private final List<String> taskQueues;
    private final String identity;
    private final Map<String, QueueTuning> tunings = new LinkedHashMap<>();
    private volatile boolean running;
    private volatile boolean stopping;

    public WorkerPool(WorkerPoolProperties properties, WorkflowClient client,
                      ObjectProvider<AiPlanningActivities> ai, ObjectProvider<ImageGenerationActivities> content,
                      ObjectProvider<ChannelPublishActivities> distribution, ObjectProvider<EventRecordActivities> core,
                      ObjectProvider<ParticipationActivities> participation, ObjectProvider<ChannelStatsActivities> stats,
                      @Value("${kt.analytics.stats-worker-enabled:#{null}}") Boolean statsWorker,
                      ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.identity = properties.poolName() + ":" + ManagementFactory.getRuntimeMXBean().getName();
        this.factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new WorkflowMdcInterceptor(), new ActivityMdcInterceptor(properties.poolName()))
                .build());
        this.ai = ai;
        this.content = content;
        this.distribution = distribution;
        this.core = core;
        this.participation = participation;
        this.stats = stats;
        this.taskQueues = properties.polledQueues(statsWorker);
        if (taskQueues.isEmpty()) {
            throw new IllegalStateException("kt.worker.task-queues is empty: name at least one of " + TaskQueues.ALL);
        }
        taskQueues.forEach(this::register);
        meters.ifAvailable(this::registerSlotGauges);
    }

    /** Configured slots per queue, tagged like the SDK's own {@code temporal_worker_task_slots_*} meters. */
    private void registerSlotGauges(MeterRegistry registry) {
        tunings.forEach((queue, tuning) -> {
            registerSlotGauge(registry, queue, "WorkflowWorker", tuning.maxConcurrentWorkflowTasks());
            registerSlotGauge(registry, queue, "ActivityWorker", tuning.maxConcurrentActivities());
        });
    }

    private void registerSlotGauge(MeterRegistry registry, String queue, String workerType, Integer slots) {
        if (slots != null) {
            Gauge.builder("kt.worker.slots.configured", slots, Integer::doubleValue)
                    .description("slots this pool configured for a task queue")
                    .tag("task_queue", queue)
                    .tag("worker_type", workerType)
                    .tag("pool", properties.poolName())
                    .register(registry);
        }
    }

    private void register(String taskQueue) {
        QueueTuning tuning = properties.tuning(taskQueue);
        WorkerOptions.Builder options = WorkerOptions.newBuilder()
                .setUsingVirtualThreads(VirtualThreads.available())
                .setIdentity(identity)
                // AI and content activities heartbeat while they wait for a provider; keep that up during the grace period
                .setAllowActivityHeartbeatDuringShutdown(true);
        if (tuning.minPollers() != null || tuning.maxPollers() != null || tuning.initialPollers() != null) {
            PollerBehaviorAutoscaling pollers = new PollerBehaviorAutoscaling(tuning.minPollers(), tuning.maxPollers(), tuning.initialPollers());
            if (runsWorkflows(taskQueue)) {
                options.setWorkflowTaskPollersBehavior(pollers);
            }
            if (!TaskQueues.EVENT_WORKFLOW.equals(taskQueue)) {
                options.setActivityTaskPollersBehavior(pollers);
            }
        }
        if (tuning.maxWorkerActivitiesPerSecond() != null) {
            options.setMaxWorkerActivitiesPerSecond(tuning.maxWorkerActivitiesPerSecond());
        }
        if (tuning.maxConcurrentActivities() != null) {
            options.setMaxConcurrentActivityExecutionSize(tuning.maxConcurrentActivities());
        }
        if (tuning.maxConcurrentWorkflowTasks() != null) {
            options.setMaxConcurrentWorkflowTaskExecutionSize(tuning.maxConcurrentWorkflowTasks());
        }
        if (tuning.maxActivitiesPerSecond() != null) {
            options.setMaxTaskQueueActivitiesPerSecond(tuning.maxActivitiesPerSecond());
        }
        Worker worker = factory.newWorker(taskQueue, options.build());
        switch (taskQueue) {
            case TaskQueues.EVENT_WORKFLOW -> worker.registerWorkflowImplementationTypes(EventCreationWorkflowImpl.class);
            case TaskQueues.AI -> worker.registerActivitiesImplementations(ai.getObject());
            case TaskQueues.CONTENT -> worker.registerActivitiesImplementations(content.getObject());
            case TaskQueues.DISTRIBUTION -> worker.registerActivitiesImplementations(distribution.getObject());
            case TaskQueues.CORE -> worker.registerActivitiesImplementations(core.getObject(), participation.getObject());
            case TaskQueues.ANALYTICS -> {
                worker.registerWorkflowImplementationTypes(ChannelStatsPollWorkflowImpl.class);
                worker.registerActivitiesImplementations(stats.getObject());
            }
            default -> throw new IllegalArgumentException("unknown task queue '" + taskQueue + "'");
        }
        tunings.put(taskQueue, tuning);
        log.info("worker registered: pool={} taskQueue={} tuning={} identity={} virtualThreads={}",
                properties.poolName(), taskQueue, tuning, identity, VirtualThreads.available());
    }

    private static boolean runsWorkflows(String taskQueue) {
        return TaskQueues.EVENT_WORKFLOW.equals(taskQueue) || TaskQueues.ANALYTICS.equals(taskQueue);
    }

    public List<String> taskQueues() {
        return taskQueues;
    }

    public String poolName() {
        return properties.poolName();
    }

    public String identity() {
        return identity;
    }

    /** The effective tuning per polled queue (configuration over defaults). */
    public Map<String, QueueTuning> tunings() {
        return java.util.Collections.unmodifiableMap(tunings);
    }

    public boolean isStarted() {
        return factory.isStarted() && !factory.isShutdown();
    }

    public boolean isStopping() {
        return stopping;
    }

    @Override
    public void start() {
        factory.start();
        running = true;
        log.info("pool {} polling task queues {}", properties.poolName(), taskQueues);
    }

    /**
     * Graceful stop: no new polls, so tasks not yet started stay on the server for another pool; running tasks
     * finish and report their results within {@code kt.worker.shutdown-grace}. Only then are stragglers
     * interrupted (their activities are retried elsewhere after their timeout).
     */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        stopping = true;
        Duration grace = properties.shutdownGrace();
        log.info("pool {} stopping: no new tasks; running tasks get up to {} to finish", properties.poolName(), grace);
        long started = System.nanoTime();
        factory.shutdown();
        factory.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        if (!factory.isTerminated()) {
            log.warn("pool {}: tasks still running after {}; interrupting them", properties.poolName(), grace);
            factory.shutdownNow();
            factory.awaitTermination(5, TimeUnit.SECONDS);
        }
        running = false;
        log.info("pool {} stopped after {} ms", properties.poolName(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Late start, early stop: after the web server and data sources, before they close. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
