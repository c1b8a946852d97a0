package com.kt.eventmarketing.gateway;

import com.kt.eventmarketing.events.EventCreationInput;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.common.converter.DefaultDataConverter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace id on the running gateway: every answer (also a 401 from security) names it in X-Trace-Id, a caller's
 * traceparent is honoured, and creating an event hands that same id to Temporal: it is in the header of the
 * workflow's start event, from where the workers carry it into the workflow and its activities.
 */
@GatewayTest
class RequestTraceIdTest {
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    WorkflowClient temporal;

    @Test
    void answersCarryTheTraceIdAndAnUnauthenticatedCallGetsAFreshOne() throws Exception {
        HttpResponse<String> health = http.send(request("/readyz").header("traceparent", TRACEPARENT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.headers().firstValue("X-Trace-Id")).hasValue(TRACE_ID);

        HttpResponse<String> unauthenticated = http.send(request("/api/v1/events").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("X-Trace-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }

    @Test
    void creatingAnEventStartsItsWorkflowWithTheRequestsTraceId() throws Exception {
        String token = Owners.registerAndToken(new ApiClient(port));
        HttpResponse<String> created = http.send(request("/api/v1/events")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("traceparent", TRACEPARENT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"objective\":\"NEW_CUSTOMERS\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        assertThat(created.headers().firstValue("X-Trace-Id")).hasValue(TRACE_ID);
        long eventId = JsonMapper.builder().build().readTree(created.body()).get("eventId").asLong();
        String workflowId = EventCreationInput.workflowId(eventId);
        try {
            // the 202 does not wait for Temporal: the start is made right after the commit, from the owed-start row
            HistoryEvent started = startedEvent(workflowId);
            Payload header = started.getWorkflowExecutionStartedEventAttributes().getHeader().getFieldsMap().get("traceId");
            assertThat(header).as("Temporal header traceId of the start event").isNotNull();
            assertThat(DefaultDataConverter.STANDARD_INSTANCE.fromPayload(header, String.class, String.class)).isEqualTo(TRACE_ID);
        } finally {
            // no worker pool runs in this JVM: leave nothing for another test's pool to pick up
            temporal.newUntypedWorkflowStub(workflowId).terminate("test done");
        }
    }

    /** The workflow's first history event, once the gateway has made the owed start (bounded: 20 s). */
    private HistoryEvent startedEvent(String workflowId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return temporal.fetchHistory(workflowId).getEvents().get(0);
            } catch (WorkflowNotFoundException | StatusRuntimeException notYet) {
                boolean notFound = !(notYet instanceof StatusRuntimeException status)
                        || status.getStatus().getCode() == Status.Code.NOT_FOUND;
                if (!notFound || System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
