package com.kt.eventmarketing.workers;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This pool's own readiness: its workers are polling the task queues it was configured for. Part of the
 * {@code readiness} group, so {@code /actuator/health/readiness} of a pool is DOWN until it polls and
 * OUT_OF_SERVICE from the moment it starts stopping.
 */
@Component("workers")
public class WorkerPoolHealthIndicator extends AbstractHealthIndicator {
    private final WorkerPool pool;

    public WorkerPoolHealthIndicator(WorkerPool pool) {
        this.pool = pool;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (pool.isStopping()) {
            builder.outOfService().withDetail("reason", "stopping: finishing running tasks");
        } else if (pool.isStarted()) {
            builder.up();
        } else {
            builder.outOfService().withDetail("reason", "not polling yet");
        }
        Map<String, Object> queues = new LinkedHashMap<>();
        pool.tunings().forEach((queue, tuning) -> queues.put(queue, tuning));
        builder.withDetail("pool", pool.poolName())
                .withDetail("identity", pool.identity())
                .withDetail("taskQueues", pool.taskQueues())
                .withDetail("tuning", queues);
    }
}
