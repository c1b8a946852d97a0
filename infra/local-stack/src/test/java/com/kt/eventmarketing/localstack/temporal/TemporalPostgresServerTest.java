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
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

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

            try (TemporalPostgresServer server = TemporalPostgresServer.start(binaries, postgres, 1, 0, Optional.empty(), dir);
                 TemporalProbe probe = new TemporalProbe(server.target())) {
                assertThat(probe.client().newUntypedWorkflowStub(workflowId).describe().getWorkflowExecutionInfo()
                        .getExecution().getWorkflowId()).isEqualTo(workflowId);
                probe.runWorkflow("store-2");
            }
        }
    }
}
