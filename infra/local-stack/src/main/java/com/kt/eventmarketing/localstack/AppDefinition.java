package com.kt.eventmarketing.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * One application child JVM of the local stack: its jar, command-line arguments, HTTP port and the port its actuator
 * answers on (the gateway keeps health details and metrics off its public port; the others serve both on one).
 */
record AppDefinition(String name, Path jar, List<String> args, int port, int managementPort) {

    static List<AppDefinition> all(LocalStackSettings s) {
        return List.of(
                new AppDefinition("sandbox", s.jar("infra/sandbox", "sandbox"),
                        List.of("--server.port=" + s.sandboxPort()), s.sandboxPort(), s.sandboxPort()),
                new AppDefinition("api", s.jar("api-gateway", "api-gateway"),
                        List.of("--server.port=" + s.apiPort(), "--management.server.port=" + s.apiManagementPort()),
                        s.apiPort(), s.apiManagementPort()),
                // one jar, two pools: workflow tasks and DB/outbox writes vs. the slow external calls
                new AppDefinition("flow", s.jar("workers", "workers"),
                        List.of("--kt.worker.task-queues=event-workflow,core", "--server.port=" + s.flowWorkerPort()),
                        s.flowWorkerPort(), s.flowWorkerPort()),
                new AppDefinition("activities", s.jar("workers", "workers"),
                        List.of("--kt.worker.task-queues=ai,content,distribution", "--server.port=" + s.activitiesWorkerPort()),
                        s.activitiesWorkerPort(), s.activitiesWorkerPort()));
    }
}
