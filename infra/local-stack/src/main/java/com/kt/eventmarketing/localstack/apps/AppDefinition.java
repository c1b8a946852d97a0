package com.kt.eventmarketing.localstack.apps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One application JVM of a stack: its exec jar, command-line arguments and the HTTP port it should bind (0: any,
 * read back from its port file), and whether its actuator has a management server of its own (the gateway keeps
 * health details and metrics off its public port; the others serve both on one).
 */
public record AppDefinition(String name, Path jar, List<String> args, int port, boolean separateManagement) {
    public AppDefinition {
        args = List.copyOf(args);
    }

    public static AppDefinition sandbox(Path jar, int port) {
        return new AppDefinition("sandbox", jar, List.of(), port, false);
    }

    /** @param managementPort the actuator's own port (0: any) */
    public static AppDefinition gateway(Path jar, int port, int managementPort, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--management.server.port=" + managementPort));
        all.addAll(args);
        return new AppDefinition("api", jar, all, port, true);
    }

    /** @param queues a {@link WorkerQueues} value */
    public static AppDefinition workerPool(String pool, Path jar, String queues, int port, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--kt.worker.pool-name=" + pool, "--kt.worker.task-queues=" + queues));
        all.addAll(args);
        return new AppDefinition(pool, jar, all, port, false);
    }

    /** The command-line arguments including the port, as the child JVM gets them. */
    public List<String> commandLine() {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=" + port);
        return all;
    }
}
