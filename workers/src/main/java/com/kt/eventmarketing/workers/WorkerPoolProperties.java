package com.kt.eventmarketing.workers;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The role of this worker process: which task queues it polls and how many slots each gets. Slots not set
 * here fall back to {@link QueueTuning#defaultsFor(String)}.
 */
@ConfigurationProperties("kt.worker")
public record WorkerPoolProperties(List<String> taskQueues, Map<String, QueueTuning> queues, Duration shutdownGrace) {
    public WorkerPoolProperties {
        taskQueues = taskQueues == null ? List.of() : taskQueues.stream().map(String::trim).filter(q -> !q.isEmpty()).toList();
        queues = queues == null ? Map.of() : queues;
        shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(30) : shutdownGrace;
    }

    public QueueTuning tuning(String taskQueue) {
        return QueueTuning.defaultsFor(taskQueue).overriddenBy(queues.get(taskQueue));
    }
}
