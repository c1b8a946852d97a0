package com.kt.eventmarketing.workers;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** This pool's own readiness: its workers are polling the task queues it was configured for. */
@Component("workers")
public class WorkerPoolHealthIndicator extends AbstractHealthIndicator {
    private final WorkerPool pool;

    public WorkerPoolHealthIndicator(WorkerPool pool) {
        this.pool = pool;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (pool.isStarted() ? builder.up() : builder.outOfService()).withDetail("taskQueues", pool.taskQueues());
    }
}
