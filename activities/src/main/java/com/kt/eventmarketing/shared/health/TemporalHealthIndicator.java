package com.kt.eventmarketing.shared.health;

import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** The Temporal starter brings no health indicator; this asks the frontend's gRPC health service. */
@Component("temporal")
public class TemporalHealthIndicator extends AbstractHealthIndicator {
    private final WorkflowServiceStubs stubs;

    public TemporalHealthIndicator(WorkflowServiceStubs stubs) {
        super("Temporal health check failed");
        this.stubs = stubs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HealthCheckResponse response = stubs.healthCheck();
        if (response.getStatus() == HealthCheckResponse.ServingStatus.SERVING) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("target", stubs.getOptions().getTarget()).withDetail("status", response.getStatus().name());
    }
}
