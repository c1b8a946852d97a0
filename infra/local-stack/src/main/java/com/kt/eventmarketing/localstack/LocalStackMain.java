package com.kt.eventmarketing.localstack;

import com.kt.eventmarketing.localstack.kafka.KafkaBroker;
import com.kt.eventmarketing.localstack.kafka.KafkaTopics;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import com.kt.eventmarketing.localstack.process.ChildProcess;
import com.kt.eventmarketing.localstack.process.PortFile;
import com.kt.eventmarketing.localstack.process.ResidentMemory;
import com.kt.eventmarketing.localstack.process.SpringBootApp;
import com.kt.eventmarketing.localstack.redis.RedisServerProcess;
import com.kt.eventmarketing.localstack.temporal.TemporalMode;
import com.kt.eventmarketing.localstack.temporal.TemporalServer;
import com.kt.eventmarketing.localstack.temporal.TemporalServers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code infra/run-local.sh}: starts PostgreSQL, Redis, Kafka and Temporal with data under {@code .local/},
 * then the sandbox, the API and the workers (one process polling every queue, or with
 * {@code KT_LOCAL_WORKER_POOLS=split} the pools {@code flow} and {@code activities}) as child JVMs wired to them,
 * prints where everything answers and how much memory the stack holds, and stops everything in reverse order on
 * Ctrl-C. {@code KT_LOCAL_SERVERS_ONLY=1} starts only the servers (run the apps from an IDE).
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
        Map<String, RunningApp> running = new LinkedHashMap<>();
        for (AppDefinition app : apps) {
            PortFile portFile = PortFile.in(settings.dataDirectory("ports"), app.name());
            portFile.clear();
            Map<String, String> env = new LinkedHashMap<>(connections);
            env.put(PortFile.ENVIRONMENT_VARIABLE, portFile.file().toString());
            ChildProcess child = started.push(app.name(),
                    SpringBootApp.start(app.name(), app.jar(), settings.appJvmOptions(), app.commandLine(), env));
            RunningApp runningApp = new RunningApp(app, child, portFile);
            running.put(app.name(), runningApp);
            if (app.port() == 0) {
                // the apps started next are wired to this one's address, which only it knows once it listens
                rewire(connections, app.name(), runningApp.bound(healthTimeout()).http());
            }
        }
        Map<String, String> health = awaitHealthy(running);
        printServers(connections);
        printApps(running, health, connections.getOrDefault("KT_TEMPORAL_UI_URL", "none (Java test server fallback)"));
        printResidentSize(running);
    }

    /** A started app; its ports once it reported them. */
    private record RunningApp(AppDefinition definition, ChildProcess process, PortFile portFile) {
        PortFile.BoundPorts bound(Duration timeout) {
            return portFile.await(definition.name(), definition.separateManagement(), process::isAlive, timeout);
        }
    }

    private Duration healthTimeout() {
        return Duration.ofSeconds(settings.healthTimeoutSeconds());
    }

    private void rewire(Map<String, String> connections, String app, int port) {
        switch (app) {
            case "sandbox" -> connections.put("KT_EXTERNAL_BASE_URL", settings.loopbackUrl(port));
            case "api" -> connections.put("KT_PUBLIC_BASE_URL", settings.loopbackUrl(port));
            default -> { } // nothing is wired to a worker's port
        }
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
    private Map<String, String> awaitHealthy(Map<String, RunningApp> apps) {
        long deadline = System.nanoTime() + healthTimeout().toNanos();
        Map<String, String> status = new LinkedHashMap<>();
        while (true) {
            apps.forEach((name, app) -> status.put(name, app.process().isAlive() ? health(app) : "EXITED (code " + app.process().exitValue() + ")"));
            boolean settled = status.values().stream().allMatch(s -> s.equals("UP") || s.startsWith("EXITED"));
            if (settled || System.nanoTime() > deadline) {
                return status;
            }
            Ports.sleep(Duration.ofMillis(500));
        }
    }

    private String health(RunningApp app) {
        try {
            return HealthProbe.status(settings.loopbackUrl(app.bound(Duration.ZERO).management()));
        } catch (IllegalStateException notListeningYet) {
            return "not answering";
        }
    }

    private void printServers(Map<String, String> connections) {
        System.out.println("\n==================== kt-event-marketing local stack ====================");
        connections.forEach((name, value) -> System.out.printf("  %-22s %s%n", name, value));
    }

    private void printApps(Map<String, RunningApp> apps, Map<String, String> health, String temporalUi) {
        System.out.println();
        String api = "(not listening)";
        String management = api;
        for (RunningApp app : apps.values()) {
            String url;
            try {
                PortFile.BoundPorts ports = app.bound(Duration.ZERO);
                url = settings.loopbackUrl(ports.http());
                if (app.definition().separateManagement()) {
                    api = url;
                    management = settings.loopbackUrl(ports.management());
                }
            } catch (IllegalStateException notListening) {
                url = "(not listening)";
            }
            System.out.printf("  %-12s %-28s %s%n", app.definition().name(), url, health.get(app.definition().name()));
        }
        System.out.println();
        System.out.println("  API              " + api);
        System.out.println("  Swagger UI       " + api + "/swagger-ui.html");
        System.out.println("  Health, metrics  " + management + "/actuator/health, " + management + "/actuator/prometheus");
        System.out.println("  Temporal Web UI  " + temporalUi);
        boolean allUp = health.values().stream().allMatch("UP"::equals);
        System.out.printf("  %-16s %.1f s since the launcher started%n", allUp ? "All UP after" : "NOT all UP after",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    /** Every process of the stack with its children (PostgreSQL's backends): the figure issue 17 budgets. */
    private void printResidentSize(Map<String, RunningApp> apps) {
        Map<Long, String> names = new LinkedHashMap<>();
        apps.values().forEach(app -> names.put(app.process().pid(), app.definition().name()));
        Map<String, Long> roots = new LinkedHashMap<>(ResidentMemory.childrenOfThisJvm(names));
        postmasterPid().ifPresent(pid -> roots.put("postgres", pid));
        List<ResidentMemory.Usage> usages = new ArrayList<>();
        // the launcher alone: its children are listed one by one
        usages.add(new ResidentMemory.Usage("launcher (Kafka)", ResidentMemory.kib(ProcessHandle.current().pid())));
        usages.addAll(ResidentMemory.of(roots));
        System.out.println("  Resident size    " + ResidentMemory.summary(usages));
        System.out.println("  Stop with Ctrl-C (data stays in " + settings.repositoryRoot().resolve(".local") + ")");
        System.out.println("=========================================================================\n");
    }

    /** pg_ctl detaches the server, so it is no child of ours: its data directory names it (first line). */
    private Optional<Long> postmasterPid() {
        try (var lines = Files.lines(settings.dataDirectory("postgres").resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
