package com.kt.eventmarketing.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component only a worker process creates: activity implementations and the guards of their outgoing calls.
 * They share packages with what the gateway scans (persistence, outbox), so the gateway tells them apart by the
 * property every worker process sets and it never does ({@code kt.worker.task-queues}), not by class-name patterns.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@ConditionalOnProperty(prefix = "kt.worker", name = "task-queues")
public @interface WorkerComponent {
}
