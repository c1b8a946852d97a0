package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.tracing.TraceContext;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Trace propagation on the starter's WorkflowClient, which every worker factory of this process is built from: the
 * trace id of the request that started or updated a workflow reaches its workflow threads and activities
 * ({@link TraceContext}). api-gateway registers the same customizer.
 */
@Configuration(proxyBeanMethods = false)
public class TemporalTracingConfiguration {

    @Bean
    TemporalOptionsCustomizer<WorkflowClientOptions.Builder> traceContextClientCustomizer() {
        return TraceContext::install;
    }
}
