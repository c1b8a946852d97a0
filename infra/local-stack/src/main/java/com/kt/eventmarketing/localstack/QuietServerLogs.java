package com.kt.eventmarketing.localstack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The embedded servers log thousands of INFO/DEBUG lines at start-up (logback's default level is DEBUG when no
 * configuration file exists). Turn them down to WARN unless someone configured those loggers explicitly.
 * Spring Boot re-applies its own logging configuration when an application context starts.
 */
public final class QuietServerLogs {
    private static final List<String> NOISY = List.of(
            "org.apache.kafka", "kafka", "state.change.logger", "io.zonky", "io.temporal", "io.grpc", "io.netty",
            "redis.embedded", "org.postgresql");

    private QuietServerLogs() {
    }

    public static void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (String name : NOISY) {
            Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getLevel() == Level.DEBUG) {
            root.setLevel(Level.INFO);
        }
    }
}
