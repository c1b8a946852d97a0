package com.kt.eventmarketing.gateway;

import com.kt.eventmarketing.events.EventProperties;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long the gateway keeps retrying a call Temporal does not answer (start, query, signal) before the request
 * gets its 503: {@code kt.events.temporal-call-deadline}, 10 s. The SDK's default is a minute of retries, longer
 * than any client waits for an answer (the fault scenario with the whole cluster stopped saw 61 s).
 */
@Configuration(proxyBeanMethods = false)
public class TemporalClientDeadlines {

    @Bean
    TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> temporalCallDeadline(EventProperties events) {
        return stubs -> stubs.setRpcRetryOptions(RpcRetryOptions.newBuilder()
                .setExpiration(events.temporalCallDeadline())
                .validateBuildWithDefaults());
    }
}
