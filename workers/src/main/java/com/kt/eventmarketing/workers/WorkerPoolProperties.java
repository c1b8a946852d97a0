package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.shared.TaskQueues;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The role of this worker process: its pool name, which task queues it polls and how (slots, pollers, rate
 * limits per queue; what is not set here falls back to {@link QueueTuning#defaultsFor(String)}), and how long a
 * stopping process lets its running activities finish.
 *
 * @param poolName      names the pool in worker identities (Web UI: which pool ran an activity), metrics and logs
 * @param taskQueues    the task queues polled, e.g. {@code ai,content,distribution} (see {@link #polledQueues})
 * @param queues        per-queue overrides, {@code kt.worker.queues.<queue>.max-concurrent-activities} etc.
 * @param shutdownGrace how long running tasks may take to finish on stop; must exceed the longest activity's
 *                      start-to-close timeout for a rolling restart to run nothing twice (and stay below the
 *                      orchestrator's termination grace period)
 */
@ConfigurationProperties("kt.worker")
public record WorkerPoolProperties(String poolName, List<String> taskQueues, Map<String, QueueTuning> queues, Duration shutdownGrace) {
    public WorkerPoolProperties {
        poolName = poolName == null || poolName.isBlank() ? "all" : poolName.trim();
        taskQueues = taskQueues == null ? List.of() : taskQueues.stream().map(String::trim).filter(q -> !q.isEmpty()).distinct().toList();
        queues = queues == null ? Map.of() : queues;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(30) : shutdownGrace;
    }

    /**
     * The queues this process polls: the configured ones, and {@code analytics} where {@code distribution} is polled
     * (statistics calls then share the channels' circuit breakers) unless {@code statsWorker}
     * ({@code kt.analytics.stats-worker-enabled}) decides otherwise.
     */
    public List<String> polledQueues(Boolean statsWorker) {
        boolean analytics = statsWorker != null ? statsWorker
                : taskQueues.contains(TaskQueues.DISTRIBUTION) || taskQueues.contains(TaskQueues.ANALYTICS);
        List<String> polled = new ArrayList<>(taskQueues);
        polled.remove(TaskQueues.ANALYTICS);
        if (analytics) {
            polled.add(TaskQueues.ANALYTICS);
        }
        return List.copyOf(polled);
    }

    public QueueTuning tuning(String taskQueue) {
        return QueueTuning.defaultsFor(taskQueue).overriddenBy(queues.get(taskQueue));
    }
}
