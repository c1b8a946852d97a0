package com.kt.eventmarketing.gateway.openapi;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.ApiGatewayApplication;
import com.kt.eventmarketing.gateway.EventStarts;
import com.kt.eventmarketing.gateway.Owners;
import com.kt.eventmarketing.testsupport.WithRealServers;
import org.junit.jupiter.api.Test;
import com.kt.eventmarketing.events.EventCreationWorkflowImpl;
import com.kt.eventmarketing.shared.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests generated from our own OpenAPI document — every operation, with path and query values at the edges of
 * their types, bodies broken one field at a time or not JSON at all, and malformed headers — must never get a 5xx:
 * bad input is a 4xx problem. The generator is seeded ({@code -Dkt.fuzz.seed=…} replays a run; the seed is in the
 * failure message) and bounded ({@value #REQUESTS_PER_OPERATION} requests per operation).
 */
@WithRealServers
// an Update the test's activity-less worker cannot finish (a cancel waits for a database write) answers 503 in 5 s
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kt.events.update-timeout=5s", "kt.analytics.consumer-enabled=false"})
class OpenApiFuzzTest {
    static final int REQUESTS_PER_OPERATION = 30;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @LocalServerPort
    int port;
    @Autowired
    WorkflowClient workflows;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Operation(String method, String path, JsonNode spec) {
    }

    record Failure(String request, int status, String body) {
    }

    @Test
    void noGeneratedRequestGetsA5xx() throws Exception {
        // a workflow worker without activities: Updates are validated and answered (mostly 409, wrong step) at once
        // instead of waiting for a worker that this test does not run
        WorkerFactory factory = WorkerFactory.newInstance(workflows);
        factory.newWorker(TaskQueues.EVENT_WORKFLOW).registerWorkflowImplementationTypes(EventCreationWorkflowImpl.class);
        factory.start();
        try {
            fuzz();
        } finally {
            factory.shutdownNow();
        }
    }

    private void fuzz() throws Exception {
        long seed = Long.getLong("kt.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        ApiClient api = new ApiClient(port);
        JsonNode doc = api.getAnything("/v3/api-docs").json();
        String token = Owners.registerAndToken(api);
        var created = api.post("/api/v1/events", token, Map.of("objective", "NEW_CUSTOMERS"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        EventStarts.awaitWorkflowStarted(api, token, created.json().get("eventId").asLong());
        FuzzValues values = new FuzzValues(random, created.json().get("eventId").asString(), token);

        List<Operation> operations = operations(doc);
        assertThat(operations).hasSizeGreaterThan(20);
        List<Failure> failures = new ArrayList<>();
        int sent = 0;
        for (Operation operation : operations) {
            for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                HttpRequest request = values.request(port, operation);
                sent++;
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() >= 500) {
                        failures.add(new Failure(describe(request, values.lastBody()), response.statusCode(),
                                abbreviate(response.body(), 300)));
                    }
                } catch (HttpTimeoutException e) {
                    failures.add(new Failure(describe(request, values.lastBody()), 0, "no answer in time"));
                }
            }
        }
        assertThat(sent).isEqualTo(operations.size() * REQUESTS_PER_OPERATION);
        assertThat(failures).as("seed %d: %d of %d generated requests got a 5xx, e.g.%n%s", seed, failures.size(), sent,
                String.join("\n", failures.stream().limit(12).map(Failure::toString).toList())).isEmpty();
    }

    /** The two classes of 500 first seen, pinned: a boundary-less multipart type (even on a GET), an overflowing page. */
    @Test
    void malformedMediaTypesAndOverflowingPagesAreClientErrors() throws Exception {
        ApiClient api = new ApiClient(port);
        String token = Owners.registerAndToken(api);
        HttpResponse<String> multipartGet = http.send(HttpRequest.newBuilder(uri(port, "/api/v1/users/me"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(multipartGet.statusCode()).as(multipartGet.body()).isEqualTo(200);
        HttpResponse<String> multipartPut = http.send(HttpRequest.newBuilder(uri(port, "/api/v1/users/me"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(multipartPut.statusCode()).as(multipartPut.body()).isEqualTo(400);
        assertThat(multipartPut.body()).contains("Content-Type");
        HttpResponse<String> wildcard = http.send(HttpRequest.newBuilder(uri(port, "/api/v1/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString("{\"objective\":\"SALES\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wildcard.statusCode()).as(wildcard.body()).isEqualTo(415);
        HttpResponse<String> badAccept = http.send(HttpRequest.newBuilder(uri(port, "/api/v1/users/me"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json;q=abc").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badAccept.statusCode()).as(badAccept.body()).isEqualTo(400);
        assertThat(badAccept.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        var overflowing = api.get("/api/v1/events?page=2147483646&size=20", token);
        assertThat(overflowing.status()).as(overflowing.body()).isEqualTo(400);
        assertThat(overflowing.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
        var farButFine = api.get("/api/v1/events?page=100000&size=20", token);
        assertThat(farButFine.status()).as(farButFine.body()).isEqualTo(200);
        assertThat(farButFine.json().get("content").size()).isZero();
    }

    static List<Operation> operations(JsonNode doc) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            // the live stream holds the connection open by design; its parameters are the ones of .../analytics
            if (path.getKey().endsWith("/stream")) {
                continue;
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), path.getValue().get(method)));
                }
            }
        }
        return operations;
    }

    private static String describe(HttpRequest request, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers().map());
        headers.computeIfPresent("Authorization", (k, v) -> List.of("…"));
        return request.method() + " " + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery())
                + " " + headers + " body=" + abbreviate(body, 120);
    }

    static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…";
    }

    static URI uri(int port, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
