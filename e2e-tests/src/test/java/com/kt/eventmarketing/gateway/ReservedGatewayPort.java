package com.kt.eventmarketing.gateway;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.Arrays;
import java.util.List;

/**
 * Lets go of the gateway's port that {@link WorkersAndSandbox} holds, in the gateway test context's last moment
 * before Tomcat binds it (a lifecycle phase just below the web server's start): the port stays taken from the
 * moment it was chosen, while the workers start, so nothing else can bind it in between. Registered in
 * {@code META-INF/spring.factories} for the test contexts of classes that run with {@link WorkersAndSandbox}.
 */
public final class ReservedGatewayPort implements ContextCustomizerFactory {
    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean withWorkers = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .stream(ExtendWith.class).anyMatch(a -> Arrays.asList(a.getClassArray("value")).contains(WorkersAndSandbox.class));
        return withWorkers ? new Release() : null;
    }

    /** Every instance is the same customisation, so cached test contexts stay shared. */
    private static final class Release implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().registerSingleton(ReleaseBeforeBind.class.getName(), new ReleaseBeforeBind());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Release;
        }

        @Override
        public int hashCode() {
            return Release.class.hashCode();
        }
    }

    private static final class ReleaseBeforeBind implements SmartLifecycle {
        private volatile boolean running;

        @Override
        public void start() {
            WorkersAndSandbox.releaseGatewayPort();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
        }
    }
}
