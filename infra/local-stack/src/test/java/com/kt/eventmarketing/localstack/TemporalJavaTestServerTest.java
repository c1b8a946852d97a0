package com.kt.eventmarketing.localstack;

import com.kt.eventmarketing.localstack.temporal.TemporalJavaTestServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fallback is not used on machines with the CLI, so prove here that it works. */
class TemporalJavaTestServerTest {

    @Test
    void acceptsWorkflowsCarryingOurSearchAttributesOnly() {
        try (TemporalJavaTestServer server = TemporalJavaTestServer.start(Ports.freePort())) {
            assertThat(server.target()).startsWith("127.0.0.1:");
            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
            try {
                WorkflowClient client = WorkflowClient.newInstance(stubs);
                start(client, "registered", SearchAttributeKey.forKeyword("StoreId"));
                // proves the server validates attributes, so the line above really tested the registration
                assertThatThrownBy(() -> start(client, "unregistered", SearchAttributeKey.forKeyword("NotRegistered")))
                        .hasStackTraceContaining("NotRegistered");
            } finally {
                stubs.shutdownNow();
            }
        }
    }

    private static void start(WorkflowClient client, String workflowId, SearchAttributeKey<String> attribute) {
        client.newUntypedWorkflowStub("AnyWorkflow", WorkflowOptions.newBuilder()
                        .setWorkflowId(workflowId)
                        .setTaskQueue("nobody-polls-this")
                        .setTypedSearchAttributes(SearchAttributes.newBuilder().set(attribute, "store-1").build())
                        .build())
                .start();
    }
}
