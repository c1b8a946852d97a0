package com.kt.eventmarketing.localstack;

import com.kt.eventmarketing.localstack.temporal.TemporalCli;
import com.kt.eventmarketing.localstack.temporal.TemporalCliDevServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file-backed dev server (local stack, benchmarks) keeps its workflows in SQLite in WAL mode, across a restart;
 * the benchmark's comparison servers keep the CLI's own settings.
 */
class TemporalCliDevServerTest {

    @Test
    void persistsInWalModeAndKeepsWorkflowsAcrossARestart(@TempDir Path dir) throws Exception {
        Path cli = cli();
        Path db = dir.resolve("temporal.db");
        int port = Ports.freePort();

        try (TemporalCliDevServer server = TemporalCliDevServer.start(cli, port, Optional.empty(), Optional.of(db))) {
            withClient(server.target(), client -> client.newUntypedWorkflowStub("AnyWorkflow", WorkflowOptions.newBuilder()
                    .setWorkflowId("survives-restart").setTaskQueue("nobody-polls-this").build()).start());
        }
        // byte 18 of an SQLite file is its write format: 1 = rollback journal, 2 = WAL
        try (InputStream in = Files.newInputStream(db)) {
            byte[] header = in.readNBytes(20);
            assertThat(header[18]).as("SQLite write format (2 = WAL)").isEqualTo((byte) 2);
        }

        try (TemporalCliDevServer server = TemporalCliDevServer.start(cli, port, Optional.empty(), Optional.of(db))) {
            withClient(server.target(), client -> assertThat(client.newUntypedWorkflowStub("survives-restart").describe()
                    .getWorkflowExecutionInfo().getExecution().getWorkflowId()).isEqualTo("survives-restart"));
        }
    }

    /**
     * The benchmark's comparison servers: the CLI's own SQLite settings (rollback journal), and a port taken between
     * the pick and the start is picked again instead of failing the run.
     */
    @Test
    void aComparisonServerKeepsTheClisDefaultsAndMovesOffATakenPort(@TempDir Path dir) throws Exception {
        Path cli = cli();
        Path db = dir.resolve("default.db");
        int free = Ports.freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            Iterator<Integer> candidates = List.of(taken.getLocalPort(), free).iterator();
            try (TemporalCliDevServer server = Ports.startOnFreePort("Temporal", candidates::next,
                    port -> TemporalCliDevServer.startWithPersistence(cli, port, List.of("--db-filename", db.toString())))) {
                assertThat(server.target()).endsWith(":" + free);
                withClient(server.target(), client -> client.newUntypedWorkflowStub("AnyWorkflow", WorkflowOptions.newBuilder()
                        .setWorkflowId("on-the-cli-defaults").setTaskQueue("nobody-polls-this").build()).start());
            }
        }
        try (InputStream in = Files.newInputStream(db)) {
            byte[] header = in.readNBytes(20);
            assertThat(header[18]).as("SQLite write format (1 = rollback journal)").isEqualTo((byte) 1);
        }
    }

    private static Path cli() {
        return TemporalCli.locate().orElseThrow(() -> new AssertionError(
                "the Temporal CLI is required (infra/scripts/ensure-temporal-cli.sh installs it)"));
    }

    private static void withClient(String target, java.util.function.Consumer<WorkflowClient> use) {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        try {
            use.accept(WorkflowClient.newInstance(stubs));
        } finally {
            stubs.shutdownNow();
        }
    }
}
