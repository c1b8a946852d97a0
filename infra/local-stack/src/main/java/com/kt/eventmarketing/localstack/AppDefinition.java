package com.kt.eventmarketing.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One application child JVM of the local stack: its jar, command-line arguments and the HTTP port it should bind
 * (0: any, read back from its port file), and whether its actuator has a management server of its own (the
 * gateway keeps health details and metrics off its public port; the others serve both on one).
 */
record AppDefinition(String name, Path jar, List<String> args, int port, boolean separateManagement) {
    static final String ALL_QUEUES = "event-workflow,core,ai,content,distribution";
    static final String FLOW_QUEUES = "event-workflow,core";
    static final String ACTIVITY_QUEUES = "ai,content,distribution";
    /**
     * Hikari keeps its whole pool (20) open by default, and each connection is a PostgreSQL backend process of
     * 10-15 MB: the pool still grows to 20 under load, but an idle dev stack holds two per application.
     */
    static final String IDLE_CONNECTIONS = "--spring.datasource.hikari.minimum-idle=2";

    static List<AppDefinition> all(LocalStackSettings s) {
        List<AppDefinition> apps = new ArrayList<>(List.of(
                new AppDefinition("sandbox", s.jar("infra/sandbox", "sandbox"), List.of(), s.sandboxPort(), false),
                new AppDefinition("api", s.jar("api-gateway", "api-gateway"),
                        List.of("--management.server.port=" + s.apiManagementPort(), IDLE_CONNECTIONS), s.apiPort(), true)));
        Path workers = s.jar("workers", "workers");
        if (s.splitWorkerPools()) {
            // workflow tasks and DB/outbox writes vs. the slow external calls, each in a pool of its own
            apps.add(worker("flow", workers, FLOW_QUEUES, s.flowWorkerPort()));
            apps.add(worker("activities", workers, ACTIVITY_QUEUES, s.activitiesWorkerPort()));
        } else {
            // pools are configuration: locally one JVM polls every queue, a JVM's worth of memory less
            apps.add(worker("workers", workers, ALL_QUEUES, s.flowWorkerPort()));
        }
        return List.copyOf(apps);
    }

    private static AppDefinition worker(String pool, Path jar, String queues, int port) {
        return new AppDefinition(pool, jar, List.of("--kt.worker.pool-name=" + pool, "--kt.worker.task-queues=" + queues, IDLE_CONNECTIONS),
                port, false);
    }

    /** The command-line arguments including the ports, as the child JVM gets them. */
    List<String> commandLine() {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=" + port);
        return all;
    }
}
