package com.kt.eventmarketing.tracing;

import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.context.ContextPropagator;
import io.temporal.common.interceptors.WorkflowClientInterceptor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Installs trace propagation on a Temporal client, the same way in api-gateway and in every worker pool (each
 * registers a {@code TemporalOptionsCustomizer<WorkflowClientOptions.Builder>} that calls {@link #install}):
 * {@link TraceContextPropagator} for starts and everything inside workflows, {@link TraceClientInterceptor} for
 * Updates and signals. Worker factories built from that client also need {@link WorkflowMdcInterceptor}.
 */
public final class TraceContext {
    private TraceContext() {
    }

    /** Adds the propagator and the client interceptor to what the builder already has (idempotent). */
    public static WorkflowClientOptions.Builder install(WorkflowClientOptions.Builder builder) {
        WorkflowClientOptions current = builder.build();
        List<ContextPropagator> propagators = current.getContextPropagators() == null
                ? new ArrayList<>() : new ArrayList<>(current.getContextPropagators());
        if (!propagators.contains(TraceContextPropagator.INSTANCE)) {
            propagators.add(TraceContextPropagator.INSTANCE);
        }
        List<WorkflowClientInterceptor> interceptors = current.getInterceptors() == null
                ? new ArrayList<>() : new ArrayList<>(Arrays.asList(current.getInterceptors()));
        if (!interceptors.contains(TraceClientInterceptor.INSTANCE)) {
            interceptors.add(TraceClientInterceptor.INSTANCE);
        }
        return builder.setContextPropagators(propagators)
                .setInterceptors(interceptors.toArray(WorkflowClientInterceptor[]::new));
    }
}
