package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.shared.TaskQueues;

/**
 * How one task queue is polled and how much of it runs at once in this process. Every field may be overridden
 * under {@code kt.worker.queues.<queue>.*}; what is not set comes from {@link #defaultsFor(String)}.
 *
 * @param maxConcurrentActivities      activity slots (every queue but {@code event-workflow})
 * @param maxConcurrentWorkflowTasks   workflow-task slots (the queues that run workflows: {@code event-workflow}, {@code analytics})
 * @param maxActivitiesPerSecond       rate limit for the whole task queue, enforced by the server across every
 *                                     pool polling it (protects a paid or rate-limited third party)
 * @param maxWorkerActivitiesPerSecond rate limit for this process alone
 * @param minPollers                   poller autoscaling: fewest concurrent long polls
 * @param maxPollers                   poller autoscaling: most concurrent long polls
 * @param initialPollers               poller autoscaling: long polls at start
 */
public record QueueTuning(Integer maxConcurrentActivities, Integer maxConcurrentWorkflowTasks,
                          Double maxActivitiesPerSecond, Double maxWorkerActivitiesPerSecond,
                          Integer minPollers, Integer maxPollers, Integer initialPollers) {

    public QueueTuning {
        positive("max-concurrent-activities", maxConcurrentActivities);
        positive("max-concurrent-workflow-tasks", maxConcurrentWorkflowTasks);
        positive("max-activities-per-second", maxActivitiesPerSecond);
        positive("max-worker-activities-per-second", maxWorkerActivitiesPerSecond);
        positive("min-pollers", minPollers);
        positive("max-pollers", maxPollers);
        positive("initial-pollers", initialPollers);
    }

    /**
     * Defaults per activity type. AI calls are slow (up to 5 min), costly and rate-limited by their provider: few
     * slots, few pollers and a queue-wide rate (one provider call per activity). Content activities are CPU-bound
     * poster work, and only some of them call the image API (up to three calls in one activity, none in a
     * re-draw or a channel poster): few slots, about the cores of a pool, and no queue-wide rate — the image API's
     * quota is kept on its calls ({@code kt.external.images.rate-limit-*}); a queue-wide 2/s held ten owners'
     * previews for up to five seconds and the channel posters of an approval behind each other. Distribution fans one event out to up to six
     * channels, each behind its own bulkhead in the activities, so it gets many slots. Core writes to PostgreSQL
     * and stays below the connection pool (20). Workflow tasks are short and cheap. Analytics is one statistics
     * round every 5 minutes (never two at once) polling at most 20 events at a time: a few slots and pollers do.
     */
    public static QueueTuning defaultsFor(String taskQueue) {
        return switch (taskQueue) {
            case TaskQueues.AI -> new QueueTuning(10, null, 5.0, null, 1, 4, 2);
            case TaskQueues.CONTENT -> new QueueTuning(4, null, null, null, 1, 2, 1);
            case TaskQueues.DISTRIBUTION -> new QueueTuning(60, null, null, null, 2, 8, 2);
            case TaskQueues.CORE -> new QueueTuning(16, null, null, null, 1, 4, 2);
            case TaskQueues.EVENT_WORKFLOW -> new QueueTuning(null, 200, null, null, 2, 10, 2);
            // a workflow queue: its pollers are shared between the sticky and the normal queue, so at least two (with
            // one, ChannelStatsScheduleTest's round waited out its 60 s in 2 of 6 CI runs)
            case TaskQueues.ANALYTICS -> new QueueTuning(20, 2, null, null, 2, 4, 2);
            default -> throw new IllegalArgumentException("unknown task queue '" + taskQueue + "', expected one of " + TaskQueues.ALL);
        };
    }

    QueueTuning overriddenBy(QueueTuning override) {
        if (override == null) {
            return this;
        }
        return new QueueTuning(
                pick(override.maxConcurrentActivities, maxConcurrentActivities),
                pick(override.maxConcurrentWorkflowTasks, maxConcurrentWorkflowTasks),
                pick(override.maxActivitiesPerSecond, maxActivitiesPerSecond),
                pick(override.maxWorkerActivitiesPerSecond, maxWorkerActivitiesPerSecond),
                pick(override.minPollers, minPollers),
                pick(override.maxPollers, maxPollers),
                pick(override.initialPollers, initialPollers)).checked();
    }

    /** Poller bounds must be ordered: min <= initial <= max. */
    QueueTuning checked() {
        if (minPollers != null && maxPollers != null && minPollers > maxPollers) {
            throw new IllegalArgumentException("min-pollers " + minPollers + " > max-pollers " + maxPollers);
        }
        if (initialPollers != null && ((minPollers != null && initialPollers < minPollers) || (maxPollers != null && initialPollers > maxPollers))) {
            throw new IllegalArgumentException("initial-pollers " + initialPollers + " outside [" + minPollers + ", " + maxPollers + "]");
        }
        return this;
    }

    private static <T> T pick(T override, T fallback) {
        return override != null ? override : fallback;
    }

    private static void positive(String name, Number value) {
        if (value != null && value.doubleValue() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
