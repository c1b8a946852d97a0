package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The server mode from the binaries the project's script builds: schema set-up on our PostgreSQL, the namespace
 * with its retention, our search attributes through advanced visibility, the Web UI, and a restart on the same
 * databases keeping the workflows (and finding the schema already there).
 */
class TemporalPostgresServerTest {

    @Test
    void runsOurWorkflowsOnPostgresWithVisibilityAndUiAndSurvivesARestart(@TempDir Path dir) throws Exception {
        TemporalServerBinaries binaries = TemporalServerBinaries.locate().orElseThrow(() -> new AssertionError(
                "the Temporal server binaries are required: " + TemporalServerBinaries.INSTALL_HINT));
        TemporalSettings settings = TemporalSettings.shared();
        int uiPort = Ports.freePort();
        String workflowId;
        try (PostgresServer postgres = PostgresServer.ephemeral()) {
            try (TemporalPostgresServer server = TemporalPostgresServer.start(binaries, postgres, 1, 0, Optional.of(uiPort), dir);
                 TemporalProbe probe = new TemporalProbe(server.target())) {
                workflowId = probe.runWorkflow("store-1");
                assertThat(probe.awaitCount("StoreId = 'store-1' AND EventStatus = 'ACTIVE'", 1, Duration.ofSeconds(30))).isEqualTo(1);

                var namespace = probe.stubs().blockingStub().describeNamespace(
                        DescribeNamespaceRequest.newBuilder().setNamespace(settings.namespace()).build());
                assertThat(namespace.getConfig().getWorkflowExecutionRetentionTtl().getSeconds())
                        .isEqualTo(settings.retention().toSeconds());
                assertThat(namespace.getConfig().getCustomSearchAttributeAliasesMap().values())
                        .containsExactlyInAnyOrderElementsOf(settings.searchAttributes().keySet());

                // the UI's own API (what its workflow list and filters call) reaches our frontend and visibility
                String ui = server.webUiUrl().orElseThrow();
                HttpClient http = HttpClient.newHttpClient();
                assertThat(http.send(HttpRequest.newBuilder(URI.create(ui)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).isEqualTo(200);
                HttpResponse<String> filtered = http.send(HttpRequest.newBuilder(URI.create(ui + "/api/v1/namespaces/"
                        + settings.namespace() + "/workflows?query=" + URLEncoder.encode("StoreId=\"store-1\"", StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(filtered.statusCode()).as(filtered.body()).isEqualTo(200);
                assertThat(filtered.body()).contains(workflowId);
            }

            // What a restart within 20 s of a stop leaves: membership rows of nodes that are gone, with fresh
            // heartbeats. In CI a node restarted like this took them for peers, failed to join and died a minute after
            // its frontend had answered, leaving this test's client retrying for good; hence also the time limit.
            byte[] goneNode = pretendAStoppedNodeIsAlive(postgres);
            assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
                try (TemporalPostgresServer server = TemporalPostgresServer.start(binaries, postgres, 1, 0, Optional.empty(), dir);
                     TemporalProbe probe = new TemporalProbe(server.target())) {
                    assertThat(membershipRowsOf(postgres, goneNode)).as("the gone node forgotten before the start").isZero();
                    assertThat(probe.client().newUntypedWorkflowStub(workflowId).describe().getWorkflowExecutionInfo()
                            .getExecution().getWorkflowId()).isEqualTo(workflowId);
                    probe.runWorkflow("store-2");
                }
            });
        }
    }

    /** Membership rows of a node that is not running, on ports 2–5 of the loopback (rpc_port is a SMALLINT). */
    private static byte[] pretendAStoppedNodeIsAlive(PostgresServer postgres) throws SQLException {
        byte[] hostId = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        try (Connection connection = postgres.database(TemporalSchema.USER, TemporalSchema.DATABASE).getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into cluster_membership (membership_partition,"
                     + " host_id, rpc_address, rpc_port, role, session_start, last_heartbeat, record_expiry)"
                     + " values (?, ?, '127.0.0.1', ?, ?, now(), now(), now() + interval '1 hour')")) {
            for (int role = 1; role <= 4; role++) { // frontend, history, matching, worker
                insert.setInt(1, role);
                insert.setBytes(2, hostId);
                insert.setInt(3, 1 + role);
                insert.setInt(4, role);
                insert.executeUpdate();
            }
        }
        return hostId;
    }

    private static int membershipRowsOf(PostgresServer postgres, byte[] hostId) throws SQLException {
        try (Connection connection = postgres.database(TemporalSchema.USER, TemporalSchema.DATABASE).getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from cluster_membership where host_id = ?")) {
            count.setBytes(1, hostId);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
