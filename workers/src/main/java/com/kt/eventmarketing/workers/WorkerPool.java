package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.ai.AiPlanningActivities;
import com.kt.eventmarketing.content.ImageGenerationActivities;
import com.kt.eventmarketing.distribution.ChannelPublishActivities;
import com.kt.eventmarketing.events.EventCreationWorkflowImpl;
import com.kt.eventmarketing.events.EventRecordActivities;
import com.kt.eventmarketing.shared.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Creates one Temporal worker per configured task queue and registers what runs there. Started after the web
 * server (health is visible first) and stopped before the database pool closes, with a grace period in which
 * running activities finish and unstarted tasks go back to the server for another pool to take.
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
    private volatile boolean running;

    public WorkerPool(WorkerPoolProperties properties, WorkflowClient client,
                      ObjectProvider<AiPlanningActivities> ai, ObjectProvider<ImageGenerationActivities> content,
                      ObjectProvider<ChannelPublishActivities> distribution, ObjectProvider<EventRecordActivities> core) {
        this.properties = properties;
        this.factory = WorkerFactory.newInstance(client);
        this.ai = ai;
        this.content = content;
        this.distribution = distribution;
        this.core = core;
        if (properties.taskQueues().isEmpty()) {
            throw new IllegalStateException("kt.worker.task-queues is empty: name at least one of " + TaskQueues.ALL);
        }
        properties.taskQueues().forEach(this::register);
    }

    private void register(String taskQueue) {
        QueueTuning tuning = properties.tuning(taskQueue);
        WorkerOptions.Builder options = WorkerOptions.newBuilder().setUsingVirtualThreads(VirtualThreads.available());
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
            case TaskQueues.CORE -> worker.registerActivitiesImplementations(core.getObject());
            default -> throw new IllegalArgumentException("unknown task queue '" + taskQueue + "'");
        }
        log.info("worker registered: taskQueue={} tuning={} virtualThreads={}", taskQueue, tuning, VirtualThreads.available());
    }

    public List<String> taskQueues() {
        return properties.taskQueues();
    }

    public boolean isStarted() {
        return factory.isStarted() && !factory.isShutdown();
    }

    @Override
    public void start() {
        factory.start();
        running = true;
        log.info("polling task queues {}", properties.taskQueues());
    }

    @Override
    public void stop() {
        log.info("stopping workers: finishing running tasks for up to {}", properties.shutdownGrace());
        factory.shutdown();
        factory.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        if (!factory.isTerminated()) {
            factory.shutdownNow();
        }
        running = false;
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
