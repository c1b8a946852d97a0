package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.shared.TaskQueues;

/**
 * Slots per task queue. AI and content calls are slow and costly, so few run at once; distribution fans out
 * to many channels; core is bounded by the database pool; workflow tasks are cheap.
 */
public record QueueTuning(Integer maxConcurrentActivities, Integer maxConcurrentWorkflowTasks, Double maxActivitiesPerSecond) {

    public static QueueTuning defaultsFor(String taskQueue) {
        return switch (taskQueue) {
            case TaskQueues.AI -> new QueueTuning(10, null, null);
            case TaskQueues.CONTENT -> new QueueTuning(4, null, null);
            case TaskQueues.DISTRIBUTION -> new QueueTuning(60, null, null);
            case TaskQueues.CORE -> new QueueTuning(16, null, null);
            case TaskQueues.EVENT_WORKFLOW -> new QueueTuning(null, 200, null);
            default -> throw new IllegalArgumentException("unknown task queue '" + taskQueue + "', expected one of " + TaskQueues.ALL);
        };
    }

    QueueTuning overriddenBy(QueueTuning override) {
        if (override == null) {
            return this;
        }
        return new QueueTuning(
                override.maxConcurrentActivities != null ? override.maxConcurrentActivities : maxConcurrentActivities,
                override.maxConcurrentWorkflowTasks != null ? override.maxConcurrentWorkflowTasks : maxConcurrentWorkflowTasks,
                override.maxActivitiesPerSecond != null ? override.maxActivitiesPerSecond : maxActivitiesPerSecond);
    }
}
