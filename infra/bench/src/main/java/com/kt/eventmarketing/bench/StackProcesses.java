package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.apps.StackApp;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The process ids of a bench stack, named, for the per-process CPU figures. */
final class StackProcesses {
    private StackProcesses() {
    }

    static Map<String, Long> applications(List<StackApp> apps) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (StackApp app : apps) {
            pids.put(app.name(), app.pid());
        }
        return pids;
    }

    /**
     * The applications, the servers started as child processes (PostgreSQL with its backends, Redis, Temporal) and
     * this JVM, which hosts the Kafka broker and the load generator.
     */
    static Map<String, Long> all(List<StackApp> apps, Path postgresData) {
        Map<String, Long> pids = applications(apps);
        PostgresServer.postmasterPid(postgresData).ifPresent(pid -> pids.put("postgres", pid));
        ProcessHandle.current().children().forEach(child -> {
            String command = Path.of(child.info().command().orElse("unknown")).getFileName().toString();
            if (command.startsWith("redis-server")) { // the embedded binary carries its version in the name
                pids.putIfAbsent("redis", child.pid());
            } else if (command.equals("temporal")) {
                pids.putIfAbsent("temporal", child.pid());
            } else if (command.equals("temporal-server")) { // one per node
                pids.putIfAbsent("temporal-server " + child.pid(), child.pid());
            }
        });
        pids.put("harness (Kafka broker + load generator)", ProcessHandle.current().pid());
        return pids;
    }
}
