package com.kt.eventmarketing.localstack;

import com.kt.eventmarketing.localstack.kafka.KafkaBroker;
import com.kt.eventmarketing.localstack.kafka.KafkaTopics;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import com.kt.eventmarketing.localstack.process.ChildProcess;
import com.kt.eventmarketing.localstack.process.SpringBootApp;
import com.kt.eventmarketing.localstack.redis.RedisServerProcess;
import com.kt.eventmarketing.localstack.temporal.TemporalMode;
import com.kt.eventmarketing.localstack.temporal.TemporalServer;
import com.kt.eventmarketing.localstack.temporal.TemporalServers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code infra/run-local.sh}: starts PostgreSQL, Redis, Kafka and Temporal with data under {@code .local/},
 * then the sandbox, the API and two worker pools as child JVMs wired to them, and stops everything in
 * reverse order on Ctrl-C. {@code KT_LOCAL_SERVERS_ONLY=1} starts only the servers (run the apps from an IDE).
 */
public final class LocalStackMain {
    private final LocalStackSettings settings;
    private final ShutdownStack started = new ShutdownStack();

    private LocalStackMain(LocalStackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        QuietServerLogs.apply();
        LocalStackMain stack = new LocalStackMain(LocalStackSettings.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(stack.started::closeAll, "local-stack-stop"));
        try {
            stack.run();
        } catch (RuntimeException e) {
            System.err.println("\nLocal stack failed to start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1); // the shutdown hook stops whatever did start
        }
        new CountDownLatch(1).await(); // keep serving until Ctrl-C
    }

    private void run() {
        Map<String, String> connections = startServers();
        if (settings.serversOnly()) {
            printServers(connections);
            System.out.println("KT_LOCAL_SERVERS_ONLY=1: apps not started. Export the variables above and run them from your IDE.");
            return;
        }
        List<AppDefinition> apps = AppDefinition.all(settings);
        // check every jar before starting any JVM: a missing build should fail in a second, not after a minute
        apps.forEach(app -> SpringBootApp.requireJar(app.name(), app.jar()));
        List<ChildProcess> children = new ArrayList<>();
        for (AppDefinition app : apps) {
            children.add(started.push(app.name(), SpringBootApp.start(app.name(), app.jar(), app.args(), connections)));
        }
        Map<String, String> health = awaitHealthy(apps, children);
        printServers(connections);
        printApps(apps, health, connections.getOrDefault("KT_TEMPORAL_UI_URL", "none (Java test server fallback)"));
    }

    private Map<String, String> startServers() {
        PostgresServer postgres = started.push("PostgreSQL", StartupTimer.time("PostgreSQL",
                () -> PostgresServer.persistent(settings.postgresPort(), settings.dataDirectory("postgres"))));
        RedisServerProcess redis = started.push("Redis", StartupTimer.time("Redis",
                () -> RedisServerProcess.persistent(settings.redisPort(), settings.dataDirectory("redis"))));
        KafkaBroker kafka = started.push("Kafka", StartupTimer.time("Kafka",
                () -> KafkaBroker.persistent(settings.kafkaPort(), settings.kafkaControllerPort(),
                        settings.dataDirectory("kafka"), KafkaTopics.ALL)));
        TemporalMode mode = TemporalMode.configured();
        // the dev server's SQLite file and the server mode's configs and logs (its data is in PostgreSQL)
        String temporalData = mode == TemporalMode.DEV ? "temporal" : "temporal-server";
        TemporalServer temporal = started.push("Temporal", StartupTimer.time("Temporal",
                () -> TemporalServers.start(mode, settings.temporalPort(), Optional.of(settings.temporalUiPort()),
                        Optional.of(settings.dataDirectory(temporalData)), postgres)));
        System.out.println("Temporal: " + temporal.description());

        // the names the apps' application.yml read
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KT_DB_URL", postgres.jdbcUrl());
        env.put("KT_DB_USER", PostgresServer.USER);
        env.put("KT_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KT_REDIS_URL", redis.url());
        env.put("KT_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("KT_TEMPORAL_TARGET", temporal.target());
        env.put("KT_EXTERNAL_BASE_URL", settings.loopbackUrl(settings.sandboxPort()));
        env.put("KT_PUBLIC_BASE_URL", settings.loopbackUrl(settings.apiPort()));
        // gateway serves what the content pool stores: both must see one directory
        env.put("KT_BLOB_DIR", settings.dataDirectory("blobs").toString());
        // the repository's published development keys: the apps refuse them (and a missing key) without this switch
        env.put("KT_ALLOW_DEV_KEYS", "true");
        temporal.webUiUrl().ifPresent(url -> env.put("KT_TEMPORAL_UI_URL", url));
        return env;
    }

    /** Apps may still be starting (or be broken); after the timeout we report whatever state they are in. */
    private Map<String, String> awaitHealthy(List<AppDefinition> apps, List<ChildProcess> children) {
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.healthTimeoutSeconds()).toNanos();
        Map<String, String> status = new LinkedHashMap<>();
        while (true) {
            for (int i = 0; i < apps.size(); i++) {
                AppDefinition app = apps.get(i);
                ChildProcess child = children.get(i);
                status.put(app.name(), child.isAlive()
                        ? HealthProbe.status(settings.loopbackUrl(app.managementPort()))
                        : "EXITED (code " + child.exitValue() + ")");
            }
            boolean settled = status.values().stream().allMatch(s -> s.equals("UP") || s.startsWith("EXITED"));
            if (settled || System.nanoTime() > deadline) {
                return status;
            }
            Ports.sleep(Duration.ofSeconds(2));
        }
    }

    private void printServers(Map<String, String> connections) {
        System.out.println("\n==================== kt-event-marketing local stack ====================");
        connections.forEach((name, value) -> System.out.printf("  %-22s %s%n", name, value));
    }

    private void printApps(List<AppDefinition> apps, Map<String, String> health, String temporalUi) {
        System.out.println();
        for (AppDefinition app : apps) {
            System.out.printf("  %-12s %-28s %s%n", app.name(), settings.loopbackUrl(app.port()), health.get(app.name()));
        }
        String api = settings.loopbackUrl(settings.apiPort());
        System.out.println();
        System.out.println("  API              " + api);
        System.out.println("  Swagger UI       " + api + "/swagger-ui.html");
        String management = settings.loopbackUrl(settings.apiManagementPort());
        System.out.println("  Health, metrics  " + management + "/actuator/health, " + management + "/actuator/prometheus");
        System.out.println("  Temporal Web UI  " + temporalUi);
        System.out.println("  Stop with Ctrl-C (data stays in " + settings.repositoryRoot().resolve(".local") + ")");
        System.out.println("=========================================================================\n");
    }
}
