package com.kt.eventmarketing.testsupport;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against real PostgreSQL, Redis, Kafka and Temporal servers (see {@link RealServers}).
 * Put it above {@code @SpringBootTest}: the servers start in {@code beforeAll}, before Spring creates the context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealServersExtension.class)
public @interface WithRealServers {
}
