package com.kt.eventmarketing.localstack;

import com.kt.eventmarketing.localstack.apps.AppDefinition;
import com.kt.eventmarketing.localstack.apps.ExecJars;
import com.kt.eventmarketing.localstack.apps.WorkerQueues;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ports and paths of the local stack. Every port has a default and an environment variable that overrides it,
 * so two stacks (or a stack and something else) can share a machine.
 */
public record LocalStackSettings(
        Path repositoryRoot,
        int postgresPort,
        int redisPort,
        int kafkaPort,
        int kafkaControllerPort,
        int temporalPort,
        int temporalUiPort,
        int sandboxPort,
        int apiPort,
        int apiManagementPort,
        int flowWorkerPort,
        int activitiesWorkerPort,
        boolean serversOnly,
        int healthTimeoutSeconds,
        boolean splitWorkerPools,
        List<String> appJvmOptions) {

    /**
     * Chosen by measuring the whole stack's resident size and its time to all UP (docs/benchmarks.md, "Local stack
     * footprint"): a capped heap and the serial collector suit a dev stack's few requests; C1 only compiles less,
     * which is what a start on a busy machine waits for, and needs a smaller code cache.
     */
    /**
     * Hikari keeps its whole pool (20) open by default, and each connection is a PostgreSQL backend process of
     * 10-15 MB: the pool still grows to 20 under load, but an idle dev stack holds two per application.
     */
    static final String IDLE_CONNECTIONS = "--spring.datasource.hikari.minimum-idle=2";
    static final String DEFAULT_APP_JVM_OPTIONS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
            + " -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m -Xms64m -Xmx384m";

    public static LocalStackSettings fromEnvironment(Map<String, String> env) {
        // run-local.sh exports the repository root so the launcher works from any directory
        Path root = Path.of(env.getOrDefault("KT_REPO_ROOT", ".")).toAbsolutePath().normalize();
        return new LocalStackSettings(
                root,
                port(env, "KT_PG_PORT", 15432),
                port(env, "KT_REDIS_PORT", 16379),
                port(env, "KT_KAFKA_PORT", 19092),
                port(env, "KT_KAFKA_CONTROLLER_PORT", 19093),
                port(env, "KT_TEMPORAL_PORT", 7233),
                port(env, "KT_TEMPORAL_UI_PORT", 8233),
                port(env, "KT_SANDBOX_PORT", 8090),
                port(env, "KT_API_PORT", 8080),
                port(env, "KT_API_MANAGEMENT_PORT", 9080),
                port(env, "KT_WORKER_FLOW_PORT", 8081),
                port(env, "KT_WORKER_ACTIVITIES_PORT", 8082),
                "1".equals(env.get("KT_LOCAL_SERVERS_ONLY")),
                port(env, "KT_HEALTH_TIMEOUT_SECONDS", 120),
                "split".equals(env.getOrDefault("KT_LOCAL_WORKER_POOLS", "one").trim()),
                List.of(env.getOrDefault("KT_APP_JVM_OPTIONS", DEFAULT_APP_JVM_OPTIONS).trim().split("\\s+")).stream()
                        .filter(option -> !option.isEmpty()).toList());
    }

    private static int port(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
        }
    }

    /** Data of every server lives under {@code .local/} (git-ignored), so a second run finds it again. */
    public Path dataDirectory(String server) {
        return repositoryRoot.resolve(".local").resolve(server);
    }

    /**
     * The applications to start, in order: the sandbox, the API, and the workers as one process polling every queue
     * (pools are configuration: locally one JVM less) or, with {@code KT_LOCAL_WORKER_POOLS=split}, the pools
     * {@code flow} and {@code activities}.
     */
    public List<AppDefinition> apps() {
        ExecJars jars = new ExecJars(repositoryRoot);
        List<AppDefinition> apps = new ArrayList<>(List.of(AppDefinition.sandbox(jars.sandbox(), sandboxPort),
                AppDefinition.gateway(jars.gateway(), apiPort, apiManagementPort, List.of(IDLE_CONNECTIONS))));
        if (splitWorkerPools) {
            apps.add(AppDefinition.workerPool("flow", jars.workers(), WorkerQueues.FLOW, flowWorkerPort, List.of(IDLE_CONNECTIONS)));
            apps.add(AppDefinition.workerPool("activities", jars.workers(), WorkerQueues.ACTIVITIES, activitiesWorkerPort,
                    List.of(IDLE_CONNECTIONS)));
        } else {
            apps.add(AppDefinition.workerPool("workers", jars.workers(), WorkerQueues.ALL, flowWorkerPort, List.of(IDLE_CONNECTIONS)));
        }
        return List.copyOf(apps);
    }
}
