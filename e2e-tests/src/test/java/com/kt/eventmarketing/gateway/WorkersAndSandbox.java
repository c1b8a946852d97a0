package com.kt.eventmarketing.gateway;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.apps.AppDefinition;
import com.kt.eventmarketing.localstack.apps.AppEnvironment;
import com.kt.eventmarketing.localstack.apps.ExecJars;
import com.kt.eventmarketing.localstack.apps.StackApp;
import com.kt.eventmarketing.localstack.apps.WorkerQueues;
import com.kt.eventmarketing.testsupport.RealServers;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged workers (polling every task queue) and the external-API sandbox as child processes next to a
 * gateway test context on a fixed port, for tests that drive whole events. Use it below {@code @WithRealServers}
 * and above a {@code @SpringBootTest(webEnvironment = DEFINED_PORT)}:
 * <pre>{@code @WithRealServers @ExtendWith(WorkersAndSandbox.class) @SpringBootTest(..., webEnvironment = DEFINED_PORT)}</pre>
 * The processes start once per test JVM and stop when it ends, so Spring's cached gateway context (bound to the same
 * port) keeps matching the workers' idea of where the gateway is. The gateway's port is held (a bound socket) from
 * the moment it is chosen until its test context is about to bind it ({@link ReservedGatewayPort}), so nothing
 * can take it while the workers start. The gateway's port, public base URL and blob
 * directory are system properties only while a class using this runs. They are started through infra/local-stack's
 * stack API, as the launcher and the benchmark harness start theirs. Needs {@code ./mvnw verify}: the jars come
 * from the reactor's package phase.
 */
public final class WorkersAndSandbox implements BeforeAllCallback, AfterAllCallback {
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private static Processes running;
    private static ServerSocket gatewayPortHeld;

    /** The sandbox's base URL (its admin API sets faults: docs/external-systems.md, "The sandbox and its admin API"). */
    public static String sandboxUrl() {
        return running().sandboxUrl;
    }

    /** The gateway's port, which the workers use to draw image and participation URLs. */
    public static int gatewayPort() {
        return running().gatewayPort;
    }

    /** Lets go of the gateway's port for its test context to bind; called right before Tomcat binds. */
    static synchronized void releaseGatewayPort() {
        if (gatewayPortHeld != null) {
            try {
                gatewayPortHeld.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gatewayPortHeld = null;
        }
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
        System.setProperty("kt.public.base-url", Ports.loopbackUrl(running.gatewayPort));
        System.setProperty("kt.blob.dir", running.blobs.toString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty("server.port");
        System.clearProperty("kt.public.base-url");
        System.clearProperty("kt.blob.dir");
    }

    /** The child processes; closed by JUnit when the root context (the test JVM's run) ends. */
    private record Processes(StackApp sandbox, StackApp workers, String sandboxUrl, int gatewayPort, Path blobs)
            implements AutoCloseable {
        static Processes start() {
            try {
                ExecJars jars = new ExecJars(Path.of("..").toAbsolutePath().normalize());
                Path portFiles = Files.createTempDirectory("kt-ports");
                // sandbox and workers bind port 0 and report what they got: no port can be taken between pick and bind
                StackApp sandbox = StackApp.start(AppDefinition.sandbox(jars.sandbox(), 0), List.of(), Map.of(), portFiles,
                        null, STARTUP).awaitHealthy(STARTUP);
                String sandboxUrl = sandbox.url();
                // the gateway is this test JVM's Spring context, on a port chosen and held here for the workers to
                // draw URLs with
                int gatewayPort = holdGatewayPort();
                // gateway and workers share the blob store directory, as on the local stack
                Path blobs = Files.createTempDirectory("kt-blobs");
                AppEnvironment environment = new AppEnvironment(RealServers.jdbcUrl(), RealServers.dbUser(),
                        RealServers.dbPassword(), RealServers.redisUrl(), RealServers.kafkaBootstrap(),
                        RealServers.temporalTarget(), sandboxUrl, Ports.loopbackUrl(gatewayPort), blobs, false);
                StackApp workers = StackApp.start(AppDefinition.workerPool("workers", jars.workers(), WorkerQueues.ALL, 0,
                        List.of()), List.of(), environment.variables(), portFiles, null, STARTUP).awaitHealthy(STARTUP);
                return new Processes(sandbox, workers, sandboxUrl, gatewayPort, blobs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static synchronized int holdGatewayPort() throws IOException {
            gatewayPortHeld = new ServerSocket();
            gatewayPortHeld.bind(new InetSocketAddress(Ports.LOOPBACK, 0));
            return gatewayPortHeld.getLocalPort();
        }

        @Override
        public void close() {
            releaseGatewayPort();
            workers.stop(Duration.ofSeconds(20));
            sandbox.stop(Duration.ofSeconds(10));
        }
    }
}
