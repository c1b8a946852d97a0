package com.kt.eventmarketing.gateway.web;

import com.kt.eventmarketing.events.EventWorkflows;
import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.EventStarts;
import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.gateway.Owners;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The edge's limits: body size (413), a workflow that does not answer (503 in bounded time), Temporal unreachable. */
@GatewayTest(properties = {"kt.http.limits.max-body-size=2KB", "kt.events.update-timeout=2s",
        "kt.analytics.consumer-enabled=false"})
class RequestLimitsTest {
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBodyOverTheLimitIsA413WhetherDeclaredOrChunked() throws Exception {
        String token = Owners.registerAndToken(new ApiClient(port));
        String big = "{\"name\":\"" + "김".repeat(2000) + "\"}";
        HttpResponse<String> declared = http.send(request("/api/v1/users/me", token)
                .PUT(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
        assertThat(declared.body()).contains("2048");
        // no Content-Length: the stream is cut off as it passes the limit
        HttpResponse<String> chunked = http.send(request("/api/v1/users/me", token)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        HttpResponse<String> small = http.send(request("/api/v1/users/me", token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"김사장\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
    }

    @Test
    void anUpdateThatNoWorkerAnswersIsA503WithinTheTimeoutNotAHang() throws InterruptedException {
        ApiClient api = new ApiClient(port);
        String token = Owners.registerAndToken(api);
        // no worker polls the workflow queue in this test: the Update's validator never runs
        long eventId = api.post("/api/v1/events", token, Map.of("objective", "SALES")).json().get("eventId").asLong();
        EventStarts.awaitWorkflowStarted(api, token, eventId);
        long started = System.nanoTime();
        var answer = api.put("/api/v1/events/" + eventId + "/recommendation", token, Map.of("index", 0));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().get("detail").asString()).contains("read the event again");
        assertThat(seconds).isLessThan(15);
    }

    @Test
    void temporalUnreachableBecomesA503() {
        RuntimeException translated = EventWorkflows.translate(new StatusRuntimeException(Status.UNAVAILABLE));
        assertThat(translated).isInstanceOf(UnavailableException.class);
        assertThat(((UnavailableException) translated).retryAfterSeconds()).isPositive();
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    }
}
