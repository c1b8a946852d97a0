package com.kt.eventmarketing.gateway;

import com.kt.eventmarketing.tracing.TraceContext;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request's trace id (MDC, {@code TraceIdFilter}) goes with every workflow start, Update and signal this
 * gateway makes, into the workflow and on to its activities ({@link TraceContext}). The workers install the same.
 */
@Configuration(proxyBeanMethods = false)
public class TemporalClientTracing {

    @Bean
    TemporalOptionsCustomizer<WorkflowClientOptions.Builder> traceContextClientCustomizer() {
        return TraceContext::install;
    }
}
