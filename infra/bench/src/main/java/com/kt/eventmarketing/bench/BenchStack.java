package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.gateway.bench.BareEchoController;
import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.apps.AppDefinition;
import com.kt.eventmarketing.localstack.apps.AppEnvironment;
import com.kt.eventmarketing.localstack.apps.ExecJars;
import com.kt.eventmarketing.localstack.apps.StackApp;
import com.kt.eventmarketing.localstack.apps.WorkerQueues;
import com.kt.eventmarketing.localstack.kafka.KafkaBroker;
import com.kt.eventmarketing.localstack.kafka.KafkaTopics;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import com.kt.eventmarketing.localstack.redis.RedisServerProcess;
import com.kt.eventmarketing.localstack.temporal.TemporalCli;
import com.kt.eventmarketing.localstack.temporal.TemporalMode;
import com.kt.eventmarketing.localstack.temporal.TemporalPostgresServer;
import com.kt.eventmarketing.localstack.temporal.TemporalServer;
import com.kt.eventmarketing.localstack.temporal.TemporalServers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack for one benchmark or fault-injection run: the same server starters as infra/run-local.sh
 * (PostgreSQL, Redis, Kafka in this JVM, Temporal in the given {@link TemporalMode}: the CLI dev server on SQLite,
 * or the Temporal server on the same PostgreSQL as one node or two), on free ports with data in a fresh
 * directory, and the four application JVMs from their exec jars, the gateway's with the harness's echo endpoint
 * added ({@link GatewayBenchClasses}). Each part can be stopped, killed and started again. The applications bind
 * port 0 and report what they got ({@link StackApp}); the servers that cannot are started again on another port
 * when something took theirs in the meantime ({@link Ports#startOnFreePort}).
 */
public final class BenchStack implements AutoCloseable {
    private static final int ANY_PORT = 0;
    /** How long an application JVM may take to become healthy; KT_BENCH_APP_START_SECONDS raises it on a busy machine. */
    public static final Duration APP_START_TIMEOUT = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("KT_BENCH_APP_START_SECONDS", "180")));
    /**
     * The application JVMs' heap, fixed as the production image fixes it (infra/deploy/docker/Dockerfile): with a heap
     * that starts small, G1 ran a marking cycle every few seconds under the intake. KT_BENCH_APP_JVM_OPTIONS replaces
     * these options, e.g. to measure another collector.
     */
    public static final List<String> APP_JVM_OPTIONS = List.of(System.getenv()
            .getOrDefault("KT_BENCH_APP_JVM_OPTIONS", "-Xms768m -Xmx768m").trim().split("\\s+"));

    private final ExecJars jars;
    private final Path data;
    private final Path logs;
    private final Path temporalCli;
    private final TemporalMode temporalMode;
    private final Path temporalDb;
    // 0 until the first start found a free one; restarts (fault injection) come back on the same port
    private volatile int temporalPort;
    private volatile int kafkaPort;
    private volatile int kafkaControllerPort;
    private volatile int pgPort;
    private PostgresServer postgres;
    private RedisServerProcess redis;
    private volatile KafkaBroker kafka;
    private volatile TemporalServer temporal;
    public StackApp sandbox;
    public StackApp api;
    public StackApp flow;
    public StackApp activities;

    private BenchStack(Path repo, Path data, Path logs, TemporalMode temporalMode) {
        this.jars = new ExecJars(repo);
        this.data = data;
        this.logs = logs;
        this.temporalMode = temporalMode;
        this.temporalCli = TemporalCli.locate().orElseThrow(() -> new IllegalStateException(
                "the Temporal CLI is needed (go install github.com/temporalio/cli/cmd/temporal@v1.5.1)"));
        this.temporalDb = data.resolve("temporal").resolve("temporal.db");
    }

    public static BenchStack start(Path repo, Path logs, TemporalMode temporalMode) throws IOException {
        return start(repo, logs, Map.of(), temporalMode);
    }

    /** @param appOptions extra JVM options by application name ("api", "activities", ...), e.g. a flight recording */
    public static BenchStack start(Path repo, Path logs, Map<String, List<String>> appOptions, TemporalMode temporalMode)
            throws IOException {
        Path data = Files.createTempDirectory("kt-bench-");
        Files.createDirectories(logs);
        BenchStack stack = new BenchStack(repo, data, logs, temporalMode);
        // Ctrl-C or a kill of the harness still stops every server and app it started
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
        try {
            stack.startAll(APP_JVM_OPTIONS, appOptions);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startAll(List<String> jvm, Map<String, List<String>> appOptions) {
        long t0 = System.nanoTime();
        startPostgres();
        redis = Ports.startOnFreePort("Redis", port -> RedisServerProcess.persistent(port, data.resolve("redis")));
        startKafka();
        startTemporal();
        Bench.log("servers up in %.1f s (data %s)", (System.nanoTime() - t0) / 1e9, data);

        // a throw-away stack: the published development keys are fine here
        AppEnvironment environment = new AppEnvironment(postgres.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD,
                redis.url(), "127.0.0.1:" + kafkaPort, temporal.target(), null, null, data.resolve("blobs"), true);
        // each application is wired to the ones started before it, so each waits until the previous one listens
        sandbox = app(AppDefinition.sandbox(jars.sandbox(), ANY_PORT), jvm, environment).launch().awaitBound(APP_START_TIMEOUT);
        AppEnvironment withSandbox = environment.withExternalBaseUrl(sandbox.url());
        // GC log of the gateway: the intake's latency tail is read against its pauses
        List<String> apiJvm = new ArrayList<>(jvm);
        apiJvm.add("-Xlog:gc:file=" + logs.resolve("api-gc.log") + ":time,uptime");
        apiJvm.addAll(appOptions.getOrDefault("api", List.of()));
        Path benchClasses = GatewayBenchClasses.writeTo(data.resolve("gateway-bench-classes"));
        // the gateway draws links to itself, so it needs its port before it starts: picked, and picked again if taken
        api = Ports.startOnFreePort("api", port -> app(AppDefinition.gateway(jars.gateway(), port, ANY_PORT, List.of(
                        "--kt.public.base-url=http://127.0.0.1:" + port,
                        // every simulated customer and owner is 127.0.0.1: the production limits would measure the limiter
                        "--kt.participation.per-client-limit=100000000", "--kt.participation.per-event-limit=100000000",
                        "--kt.security.throttle.login-per-client.max=1000000", "--kt.security.throttle.login-per-client.window=1m",
                        "--kt.security.throttle.register-per-client.max=1000000", "--kt.security.throttle.register-per-client.window=1m"))
                .withLoaderPath(benchClasses), apiJvm, withSandbox).launch().awaitBound(APP_START_TIMEOUT));
        AppEnvironment wired = withSandbox.withPublicBaseUrl(api.url());
        flow = app(AppDefinition.workerPool("flow", jars.workers(), WorkerQueues.FLOW, ANY_PORT, List.of()), jvm, wired).launch();
        List<String> activitiesJvm = new ArrayList<>(jvm);
        activitiesJvm.addAll(appOptions.getOrDefault("activities", List.of()));
        activities = app(AppDefinition.workerPool("activities", jars.workers(), WorkerQueues.ACTIVITIES, ANY_PORT, List.of()),
                activitiesJvm, wired).launch();
        for (StackApp app : apps()) {
            app.awaitBound(APP_START_TIMEOUT).awaitHealthy(APP_START_TIMEOUT);
        }
        // without it the intake's ceiling would be measured on 404s
        Api.Response echo = new Api(api.url()).post(BareEchoController.PATH, null, Map.of("probe", 1));
        if (echo.status() != 201) {
            throw new IllegalStateException("the gateway lacks the harness's echo endpoint: " + echo.status() + " " + echo.body());
        }
        Bench.log("apps up in %.1f s (logs %s)", (System.nanoTime() - t0) / 1e9, logs);
    }

    private StackApp app(AppDefinition definition, List<String> jvmOptions, AppEnvironment environment) {
        definition.requireJar();
        return new StackApp(definition, jvmOptions, environment.variables(), logs, logs.resolve(definition.name() + ".log"));
    }

    public List<StackApp> apps() {
        return List.of(sandbox, api, flow, activities);
    }

    public String temporalTarget() {
        return "127.0.0.1:" + temporalPort;
    }

    public TemporalMode temporalMode() {
        return temporalMode;
    }

    /** The server mode's nodes, for the faults that kill one; empty on the dev server. */
    public Optional<TemporalPostgresServer> temporalCluster() {
        return temporal instanceof TemporalPostgresServer cluster ? Optional.of(cluster) : Optional.empty();
    }

    public Path temporalDb() {
        return temporalDb;
    }

    /** What runs Temporal now: the dev server's whole command line, or the server mode's nodes. */
    public String temporalDescription() {
        return temporal.description();
    }

    public Path temporalCli() {
        return temporalCli;
    }

    public Connection db() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** The application JVMs' process ids, by name. */
    public Map<String, Long> pids() {
        return StackProcesses.applications(apps());
    }

    /** Every process whose CPU the machine figure is made of ({@link StackProcesses#all}). */
    public Map<String, Long> allPids() {
        return StackProcesses.all(apps(), data.resolve("postgres"));
    }

    // ---- server faults -------------------------------------------------------------------------------------

    /** Also a restart: the dev server finds its SQLite file again, the server mode its databases (set-up is idempotent). */
    public synchronized void startTemporal() {
        temporal = temporalPort == 0 ? Ports.startOnFreePort("Temporal", this::startTemporalOn) : startTemporalOn(temporalPort);
    }

    private TemporalServer startTemporalOn(int port) {
        TemporalServer server = TemporalServers.start(temporalMode, port, Optional.empty(), Optional.of(temporalDb.getParent()), postgres);
        temporalPort = port;
        return server;
    }

    public synchronized void stopTemporal() {
        if (temporal != null) {
            temporal.close();
            temporal = null;
        }
    }

    /** Fault injection: PostgreSQL (the application's and, in the server mode, Temporal's databases) goes away. */
    public synchronized void stopPostgres() {
        postgres.close();
    }

    /** Back on the same port and data directory. */
    public synchronized void startPostgres() {
        postgres = pgPort == 0
                ? Ports.startOnFreePort("PostgreSQL", port -> PostgresServer.persistent(port, data.resolve("postgres")))
                : PostgresServer.persistent(pgPort, data.resolve("postgres"));
        pgPort = postgres.port();
    }

    public synchronized void startKafka() {
        kafka = kafkaPort == 0
                ? Ports.startOnFreePort("Kafka", port -> KafkaBroker.persistent(port, Ports.freePort(), data.resolve("kafka"), KafkaTopics.ALL))
                : KafkaBroker.persistent(kafkaPort, kafkaControllerPort, data.resolve("kafka"), KafkaTopics.ALL);
        kafkaPort = kafka.port();
        kafkaControllerPort = kafka.controllerPort();
    }

    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    public synchronized void stopRedis() {
        redis.stop();
    }

    public synchronized void startRedis() {
        redis.start();
    }

    public void flushRedis() throws IOException {
        redis.flushAll();
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (StackApp app : new StackApp[]{api, flow, activities, sandbox}) {
            if (app != null) {
                try {
                    app.stop(Duration.ofSeconds(15));
                } catch (RuntimeException e) {
                    Bench.log("stopping %s: %s", app.name(), e);
                }
            }
        }
        quietly(this::stopTemporal);
        quietly(this::stopKafka);
        if (redis != null) {
            quietly(redis::stop);
        }
        if (postgres != null) {
            quietly(postgres::close);
        }
        quietly(() -> deleteTree(data));
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            Bench.log("cleanup: %s", e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            Bench.log("could not delete %s: %s", root, e);
        }
    }
}
