package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.temporal.internal.testservice.TestServicesStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Fallback when the {@code temporal} CLI is not installed: the SDK's in-JVM test server on a real port.
 * It speaks the same gRPC API, but keeps workflows in memory only and has no Web UI.
 * <p>
 * {@code TestServer.createPortBoundServer} binds every interface; we want 127.0.0.1 only, so this class does
 * the same wiring itself (services from the SDK's {@code TestServicesStarter} plus the gRPC health service the
 * SDK client checks on connect). Re-check it when upgrading the SDK.
 */
public final class TemporalJavaTestServer implements TemporalServer {
    private static final Logger log = LoggerFactory.getLogger(TemporalJavaTestServer.class);

    private final int port;
    private final TestServicesStarter services;
    private final Server grpcServer;

    private TemporalJavaTestServer(int port, TestServicesStarter services, Server grpcServer) {
        this.port = port;
        this.services = services;
        this.grpcServer = grpcServer;
    }

    public static TemporalJavaTestServer start(int port) {
        Ports.requireFree(port, "Temporal");
        // real time (time skipping locked), the clock starting now: like a real server
        TestServicesStarter services = new TestServicesStarter(true, 0);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(Ports.LOOPBACK, port));
        HealthStatusManager health = new HealthStatusManager();
        for (BindableService service : services.getServices()) {
            builder.addService(service);
            health.setStatus(service.bindService().getServiceDescriptor().getName(),
                    ServingStatus.SERVING);
        }
        builder.addService(health.getHealthService());
        try {
            TemporalJavaTestServer started = new TemporalJavaTestServer(port, services, builder.build().start());
            // the test server also rejects upserts of unknown search attributes
            SearchAttributes.register(started.target());
            return started;
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("Temporal test server could not bind port " + port, e);
        }
    }

    public static void warnAboutLimits() {
        log.warn("""

                ******************************************************************************
                * Temporal CLI not found: using the Java test server instead.                *
                * Workflows are kept IN MEMORY (lost on restart) and there is NO Web UI.     *
                * Install the CLI for the real dev server:                                   *
                *   go install github.com/temporalio/cli/cmd/temporal@v1.5.1                 *
                ******************************************************************************""");
    }

    @Override
    public String target() {
        return Ports.LOOPBACK + ":" + port;
    }

    @Override
    public Optional<String> webUiUrl() {
        return Optional.empty();
    }

    @Override
    public String description() {
        return "Temporal Java test server (in memory, no Web UI)";
    }

    @Override
    public void close() {
        grpcServer.shutdownNow();
        try {
            grpcServer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        services.close();
    }
}
