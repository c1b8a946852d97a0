package com.kt.eventmarketing.gateway;

import com.kt.eventmarketing.testsupport.WithRealServers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The gateway on a random port against the real servers, as most gateway tests run it. Classes with the same
 * {@link #properties()} share one cached Spring context, as they did when each spelled the annotations out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WithRealServers
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface GatewayTest {
    /** Settings of this test class only; each distinct set costs a context start-up of its own. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
