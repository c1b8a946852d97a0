package com.kt.eventmarketing.gateway;

import com.kt.eventmarketing.localstack.process.ChildProcess;
import com.kt.eventmarketing.localstack.process.PortFile;
import com.kt.eventmarketing.localstack.process.SpringBootApp;
import com.kt.eventmarketing.testsupport.RealServers;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged workers (polling every task queue) and the external-API sandbox as child processes next to a
 * gateway test context on a fixed port, for tests that drive whole events. Use it below {@code @WithRealServers}
 * and above a {@code @SpringBootTest(webEnvironment = DEFINED_PORT)}:
 * <pre>{@code @WithRealServers @ExtendWith(WorkersAndSandbox.class) @SpringBootTest(..., webEnvironment = DEFINED_PORT)}</pre>
 * The processes start once per test JVM and stop when it ends, so Spring's cached gateway context (bound to the same
 * port) keeps matching the workers' idea of where the gateway is. The gateway's port, public base URL and blob
 * directory are system properties only while a class using this runs. Needs {@code ./mvnw verify}: the jars come from
 * the reactor's package phase.
 */
public final class WorkersAndSandbox implements BeforeAllCallback, AfterAllCallback {
    private static final Path WORKERS_JAR = Path.of("../workers/target/workers-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath().normalize();
    private static final Path SANDBOX_JAR = Path.of("../infra/sandbox/target/sandbox-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath().normalize();

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private static Processes running;

    /** The sandbox's base URL (its admin API sets faults: docs/external-systems.md, "The sandbox and its admin API"). */
    public static String sandboxUrl() {
        return running().sandboxUrl;
    }

    /** The gateway's port, which the workers use to draw image and participation URLs. */
    public static int gatewayPort() {
        return running().gatewayPort;
    }

    private static Processes running() {
        if (running == null) {
            throw new IllegalStateException("WorkersAndSandbox is not extending this test class");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.create(WorkersAndSandbox.class))
                .computeIfAbsent(Processes.class, type -> Processes.start(), Processes.class);
        System.setProperty("server.port", Integer.toString(running.gatewayPort));
        System.setProperty("kt.public.base-url", "http://127.0.0.1:" + running.gatewayPort);
        System.setProperty("kt.blob.dir", running.blobs);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty("server.port");
        System.clearProperty("kt.public.base-url");
        System.clearProperty("kt.blob.dir");
    }

    /** The child processes; closed by JUnit when the root context (the test JVM's run) ends. */
    private record Processes(ChildProcess sandbox, ChildProcess workers, String sandboxUrl, int gatewayPort, String blobs)
            implements AutoCloseable {
        static Processes start() {
            try {
                // sandbox and workers bind port 0 and report what they got: no port can be taken between pick and bind
                Path portFiles = Files.createTempDirectory("kt-ports");
                PortFile sandboxPorts = PortFile.in(portFiles, "sandbox");
                ChildProcess sandbox = SpringBootApp.start("sandbox", SANDBOX_JAR, List.of("--server.port=0"),
                        Map.of(PortFile.ENVIRONMENT_VARIABLE, sandboxPorts.file().toString()));
                String sandboxUrl = "http://127.0.0.1:" + sandboxPorts.await("sandbox", false, sandbox::isAlive, STARTUP).http();
                awaitHealthy(sandbox, sandboxUrl + "/actuator/health");
                // Gateway and workers share the blob store directory, as on the local stack.
                String blobs = Files.createTempDirectory("kt-blobs").toString();
                int gatewayPort = freePort();
                PortFile workersPorts = PortFile.in(portFiles, "workers");
                Map<String, String> workersEnvironment = new HashMap<>(Map.of(
                        "KT_DB_URL", RealServers.jdbcUrl(), "KT_DB_USER", RealServers.dbUser(), "KT_DB_PASSWORD", RealServers.dbPassword(),
                        "KT_REDIS_URL", RealServers.redisUrl(), "KT_KAFKA_BOOTSTRAP", RealServers.kafkaBootstrap(),
                        "KT_TEMPORAL_TARGET", RealServers.temporalTarget(), "KT_EXTERNAL_BASE_URL", sandboxUrl, "KT_BLOB_DIR", blobs,
                        "KT_PUBLIC_BASE_URL", "http://127.0.0.1:" + gatewayPort,
                        "KT_WORKER_TASK_QUEUES", "event-workflow,core,ai,content,distribution"));
                workersEnvironment.put(PortFile.ENVIRONMENT_VARIABLE, workersPorts.file().toString());
                ChildProcess workers = SpringBootApp.start("workers", WORKERS_JAR, List.of("--server.port=0"), workersEnvironment);
                int workersPort = workersPorts.await("workers", false, workers::isAlive, STARTUP).http();
                awaitHealthy(workers, "http://127.0.0.1:" + workersPort + "/actuator/health");
                return new Processes(sandbox, workers, sandboxUrl, gatewayPort, blobs);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            workers.stop(Duration.ofSeconds(20));
            sandbox.stop(Duration.ofSeconds(10));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitHealthy(ChildProcess process, String healthUrl) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(process.name() + " exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(healthUrl)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(process.name() + " not healthy within 120 s");
    }
}
