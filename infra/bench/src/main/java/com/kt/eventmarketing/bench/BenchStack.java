package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.gateway.bench.BareEchoController;
import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.kafka.KafkaBroker;
import com.kt.eventmarketing.localstack.kafka.KafkaTopics;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import com.kt.eventmarketing.localstack.redis.RedisServerProcess;
import com.kt.eventmarketing.localstack.temporal.TemporalCli;
import com.kt.eventmarketing.localstack.temporal.TemporalCliDevServer;
import com.kt.eventmarketing.localstack.temporal.TemporalMode;
import com.kt.eventmarketing.localstack.temporal.TemporalPostgresServer;
import com.kt.eventmarketing.localstack.temporal.TemporalServer;
import com.kt.eventmarketing.localstack.temporal.TemporalServers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack for one benchmark or fault-injection run: the same server starters as infra/run-local.sh
 * (PostgreSQL, Redis, Kafka in this JVM, Temporal in the given {@link TemporalMode}: the CLI dev server on SQLite,
 * or the Temporal server on the same PostgreSQL as one node or two), on free ports with data in a fresh
 * directory, and the four application JVMs from their exec jars, the gateway's with the harness's echo endpoint
 * added ({@link GatewayBenchClasses}). Each part can be stopped, killed and started again. The applications bind
 * port 0 and report what they got ({@link AppProcess}); the servers that cannot are started again on another port
 * when something took theirs in the meantime ({@link Ports#startOnFreePort}).
 */
public final class BenchStack implements AutoCloseable {
    public static final String FLOW_QUEUES = "event-workflow,core";
    public static final String ACTIVITY_QUEUES = "ai,content,distribution";
    /** How long an application JVM may take to become healthy; KT_BENCH_APP_START_SECONDS raises it on a busy machine. */
    public static final Duration APP_START_TIMEOUT = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("KT_BENCH_APP_START_SECONDS", "180")));

    private final Path repo;
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
    public AppProcess sandbox;
    public AppProcess api;
    public AppProcess flow;
    public AppProcess activities;
    private final List<String> temporalCommandLine = new ArrayList<>();

    private BenchStack(Path repo, Path data, Path logs, TemporalMode temporalMode) {
        this.repo = repo;
        this.data = data;
        this.logs = logs;
        this.temporalMode = temporalMode;
        this.temporalCli = TemporalCli.locate().orElseThrow(() -> new IllegalStateException(
                "the Temporal CLI is needed (go install github.com/temporalio/cli/cmd/temporal@v1.5.1)"));
        this.temporalDb = data.resolve("temporal").resolve("temporal.db");
    }

    public static BenchStack start(Path repo, Path logs, List<String> appJvmOptions, TemporalMode temporalMode) throws IOException {
        return start(repo, logs, appJvmOptions, List.of(), temporalMode);
    }

    /** @param apiJvmOptions extra options for the gateway only (e.g. a flight recording) */
    public static BenchStack start(Path repo, Path logs, List<String> appJvmOptions, List<String> apiJvmOptions,
                                   TemporalMode temporalMode) throws IOException {
        Path data = Files.createTempDirectory("kt-bench-");
        Files.createDirectories(logs);
        BenchStack stack = new BenchStack(repo, data, logs, temporalMode);
        // Ctrl-C or a kill of the harness still stops every server and app it started
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
        try {
            stack.startAll(appJvmOptions, apiJvmOptions);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startAll(List<String> jvm, List<String> apiJvmOptions) {
        long t0 = System.nanoTime();
        startPostgres();
        redis = Ports.startOnFreePort("Redis", port -> RedisServerProcess.persistent(port, data.resolve("redis")));
        startKafka();
        startTemporal();
        Bench.log("servers up in %.1f s (data %s)", (System.nanoTime() - t0) / 1e9, data);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("KT_DB_URL", postgres.jdbcUrl());
        env.put("KT_DB_USER", PostgresServer.USER);
        env.put("KT_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KT_REDIS_URL", redis.url());
        env.put("KT_KAFKA_BOOTSTRAP", "127.0.0.1:" + kafkaPort);
        env.put("KT_TEMPORAL_TARGET", temporal.target());
        env.put("KT_BLOB_DIR", data.resolve("blobs").toString());
        env.put("KT_ALLOW_DEV_KEYS", "true"); // a throw-away stack: the published development keys are fine here
        // each application is wired to the ones started before it, so each waits until the previous one listens
        sandbox = new AppProcess("sandbox", jar("infra/sandbox", "sandbox"), jvm, List.of(), env, logs.resolve("sandbox.log"),
                AppProcess.ANY_PORT, false).start();
        env.put("KT_EXTERNAL_BASE_URL", sandbox.url());
        // GC log of the gateway: the intake's latency tail is read against its pauses
        List<String> apiJvm = new ArrayList<>(jvm);
        apiJvm.add("-Xlog:gc:file=" + logs.resolve("api-gc.log") + ":uptime");
        apiJvm.addAll(apiJvmOptions);
        // the gateway draws links to itself, so it needs its port before it starts: picked, and picked again if taken
        List<String> apiLaunch = AppProcess.withLoaderPath(jar("api-gateway", "api-gateway"),
                GatewayBenchClasses.writeTo(data.resolve("gateway-bench-classes")));
        api = Ports.startOnFreePort("api", port -> new AppProcess("api", apiLaunch, apiJvm,
                List.of("--kt.public.base-url=http://127.0.0.1:" + port,
                        // every simulated customer and owner is 127.0.0.1: the production limits would measure the limiter
                        "--kt.participation.per-client-limit=100000000", "--kt.participation.per-event-limit=100000000",
                        "--kt.security.throttle.login-per-client.max=1000000", "--kt.security.throttle.login-per-client.window=1m",
                        "--kt.security.throttle.register-per-client.max=1000000", "--kt.security.throttle.register-per-client.window=1m"),
                env, logs.resolve("api.log"), port, true).start());
        env.put("KT_PUBLIC_BASE_URL", api.url());
        flow = new AppProcess("flow", jar("workers", "workers"), jvm, List.of("--kt.worker.task-queues=" + FLOW_QUEUES), env,
                logs.resolve("flow.log"), AppProcess.ANY_PORT, false).launch();
        activities = new AppProcess("activities", jar("workers", "workers"), jvm, List.of("--kt.worker.task-queues=" + ACTIVITY_QUEUES),
                env, logs.resolve("activities.log"), AppProcess.ANY_PORT, false).launch();
        flow.awaitBound();
        activities.awaitBound();
        for (AppProcess app : apps()) {
            app.awaitHealthy(APP_START_TIMEOUT);
        }
        // without it the intake's ceiling would be measured on 404s
        Api.Response echo = new Api(api.url()).post(BareEchoController.PATH, null, Map.of("probe", 1));
        if (echo.status() != 201) {
            throw new IllegalStateException("the gateway lacks the harness's echo endpoint: " + echo.status() + " " + echo.body());
        }
        Bench.log("apps up in %.1f s (logs %s)", (System.nanoTime() - t0) / 1e9, logs);
    }

    private Path jar(String module, String artifact) {
        Path jar = repo.resolve(module).resolve("target").resolve(artifact + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -o -q -pl api-gateway,workers,infra/sandbox package -DskipTests");
        }
        return jar;
    }

    public List<AppProcess> apps() {
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

    public List<String> temporalCommandLine() {
        return temporalCommandLine;
    }

    public Path temporalCli() {
        return temporalCli;
    }

    public Connection db() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (AppProcess app : apps()) {
            pids.put(app.name(), app.pid());
        }
        return pids;
    }

    /**
     * Every process of the stack whose CPU the machine figure is made of: the applications, the servers started as
     * child processes (PostgreSQL with its backends, Redis, Temporal) and this JVM, which hosts the Kafka broker
     * and the load generator.
     */
    public Map<String, Long> allPids() {
        Map<String, Long> pids = pids();
        postmasterPid().ifPresent(pid -> pids.put("postgres", pid));
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

    /** pg_ctl detaches the server, so it is no child of ours: its data directory names it (first line). */
    private Optional<Long> postmasterPid() {
        try (var lines = Files.lines(data.resolve("postgres").resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---- server faults -------------------------------------------------------------------------------------

    /** Also a restart: the dev server finds its SQLite file again, the server mode its databases (set-up is idempotent). */
    public synchronized void startTemporal() {
        temporal = temporalPort == 0 ? Ports.startOnFreePort("Temporal", this::startTemporalOn) : startTemporalOn(temporalPort);
        temporalCommandLine.clear();
        if (temporalMode == TemporalMode.DEV) {
            temporalCommandLine.addAll(List.of(temporalCli.toString(), "server", "start-dev", "--headless", "--port",
                    String.valueOf(temporalPort), "--db-filename", temporalDb.toString()));
            temporalCommandLine.addAll(TemporalCliDevServer.SQLITE_PRAGMAS);
        } else {
            temporalCommandLine.add(temporal.description());
        }
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

    /** FLUSHALL over RESP on a plain socket. */
    public void flushRedis() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", redis.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = new byte[64];
            int n = socket.getInputStream().read(answer);
            String reply = n > 0 ? new String(answer, 0, n, StandardCharsets.US_ASCII).trim() : "";
            if (!reply.startsWith("+OK")) {
                throw new IOException("FLUSHALL answered " + reply);
            }
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (AppProcess app : new AppProcess[]{api, flow, activities, sandbox}) {
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
