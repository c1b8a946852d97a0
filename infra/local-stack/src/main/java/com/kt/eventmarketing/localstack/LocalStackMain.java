package com.kt.eventmarketing.localstack;

import com.kt.eventmarketing.localstack.apps.AppDefinition;
import com.kt.eventmarketing.localstack.apps.AppEnvironment;
import com.kt.eventmarketing.localstack.apps.StackApp;
import com.kt.eventmarketing.localstack.kafka.KafkaBroker;
import com.kt.eventmarketing.localstack.kafka.KafkaTopics;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import com.kt.eventmarketing.localstack.process.ResidentMemory;
import com.kt.eventmarketing.localstack.redis.RedisServerProcess;
import com.kt.eventmarketing.localstack.temporal.TemporalMode;
import com.kt.eventmarketing.localstack.temporal.TemporalServer;
import com.kt.eventmarketing.localstack.temporal.TemporalServers;

import java.lang.management.ManagementFactory;
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
    private String temporalUi;

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
        AppEnvironment environment = startServers();
        if (settings.serversOnly()) {
            printServers(environment);
            System.out.println("KT_LOCAL_SERVERS_ONLY=1: apps not started. Export the variables above and run them from your IDE.");
            return;
        }
        List<AppDefinition> apps = settings.apps();
        // check every jar before starting any JVM: a missing build should fail in a second, not after a minute
        apps.forEach(AppDefinition::requireJar);
        List<StackApp> running = new ArrayList<>();
        for (AppDefinition app : apps) {
            StackApp started = this.started.push(app.name(), new StackApp(app, settings.appJvmOptions(),
                    environment.variables(), settings.dataDirectory("ports"), null).launch());
            running.add(started);
            if (app.port() == 0) {
                // the apps started next are wired to this one's address, which only it knows once it listens
                environment = rewire(environment, app.name(), started.awaitBound(healthTimeout()).url());
            }
        }
        Map<String, String> health = awaitHealthy(running);
        printServers(environment);
        printApps(running, health);
        printResidentSize(running);
    }

    private Duration healthTimeout() {
        return Duration.ofSeconds(settings.healthTimeoutSeconds());
    }

    private static AppEnvironment rewire(AppEnvironment environment, String app, String url) {
        return switch (app) {
            case "sandbox" -> environment.withExternalBaseUrl(url);
            case "api" -> environment.withPublicBaseUrl(url);
            default -> environment; // nothing is wired to a worker's port
        };
    }

    private AppEnvironment startServers() {
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
        temporalUi = temporal.webUiUrl().orElse("none (Java test server fallback)");
        return new AppEnvironment(postgres.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD, redis.url(),
                kafka.bootstrapServers(), temporal.target(), Ports.loopbackUrl(settings.sandboxPort()),
                Ports.loopbackUrl(settings.apiPort()), settings.dataDirectory("blobs"), true);
    }

    /** Apps may still be starting (or be broken); after the timeout we report whatever state they are in. */
    private Map<String, String> awaitHealthy(List<StackApp> apps) {
        long deadline = System.nanoTime() + healthTimeout().toNanos();
        Map<String, String> status = new LinkedHashMap<>();
        while (true) {
            apps.forEach(app -> status.put(app.name(), app.health()));
            boolean settled = status.values().stream().allMatch(s -> s.equals("UP") || s.startsWith("EXITED"));
            if (settled || System.nanoTime() > deadline) {
                return status;
            }
            Ports.sleep(Duration.ofMillis(500));
        }
    }

    private void printServers(AppEnvironment environment) {
        System.out.println("\n==================== kt-event-marketing local stack ====================");
        environment.variables().forEach((name, value) -> System.out.printf("  %-22s %s%n", name, value));
        System.out.printf("  %-22s %s%n", "Temporal Web UI", temporalUi);
    }

    private void printApps(List<StackApp> apps, Map<String, String> health) {
        System.out.println();
        String api = "(not listening)";
        String management = api;
        for (StackApp app : apps) {
            String url;
            try {
                url = app.awaitBound(Duration.ZERO).url();
                if (app.definition().separateManagement()) {
                    api = url;
                    management = app.managementUrl();
                }
            } catch (IllegalStateException notListening) {
                url = "(not listening)";
            }
            System.out.printf("  %-12s %-28s %s%n", app.name(), url, health.get(app.name()));
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
    private void printResidentSize(List<StackApp> apps) {
        Map<Long, String> names = new LinkedHashMap<>();
        apps.forEach(app -> names.put(app.pid(), app.name()));
        Map<String, Long> roots = new LinkedHashMap<>(ResidentMemory.childrenOfThisJvm(names));
        PostgresServer.postmasterPid(settings.dataDirectory("postgres")).ifPresent(pid -> roots.put("postgres", pid));
        List<ResidentMemory.Usage> usages = new ArrayList<>();
        // the launcher alone: its children are listed one by one
        usages.add(new ResidentMemory.Usage("launcher (Kafka)", ResidentMemory.kib(ProcessHandle.current().pid())));
        usages.addAll(ResidentMemory.of(roots));
        System.out.println("  Resident size    " + ResidentMemory.summary(usages));
        System.out.println("  Stop with Ctrl-C (data stays in " + settings.repositoryRoot().resolve(".local") + ")");
        System.out.println("=========================================================================\n");
    }
}
