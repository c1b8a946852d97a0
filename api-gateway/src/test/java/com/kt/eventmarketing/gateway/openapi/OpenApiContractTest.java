package com.kt.eventmarketing.gateway.openapi;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document as a contract a generated client can be built from (issue: the owner console's API). */
@GatewayTest
class OpenApiContractTest {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @LocalServerPort
    int port;
    JsonNode doc;

    // not @BeforeAll with a per-class instance: the real servers are started by the extension's beforeAll, which
    // a per-class instance (and so the Spring context) would run ahead of
    @BeforeEach
    void readDocument() {
        ApiClient.Response response = new ApiClient(port).getAnything("/v3/api-docs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        doc = response.json();
    }

    @Test
    void namesTheApiAndItsVersion() {
        assertThat(doc.get("info").get("title").asString()).isEqualTo(OpenApiContract.TITLE);
        assertThat(doc.get("info").get("version").asString()).isEqualTo(OpenApiContract.VERSION);
        assertThat(doc.get("info").get("description").asString()).contains("Bearer").contains("problem+json");
    }

    @Test
    void everyOwnerOperationNeedsTheBearerTokenAndNoCustomerOperationDoes() {
        JsonNode scheme = doc.get("components").get("securitySchemes").get(OpenApiContract.BEARER_SCHEME);
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        List<String> owner = new ArrayList<>();
        List<String> open = new ArrayList<>();
        forEachOperation((key, operation) -> (operation.has("security") ? owner : open).add(key));
        assertThat(owner).contains("POST /api/v1/events", "GET /api/v1/events/{id}", "DELETE /api/v1/events/{id}",
                "GET /api/v1/users/me", "GET /api/v1/events/{id}/participants");
        assertThat(open).contains("POST /api/v1/users/register", "POST /api/v1/users/login",
                "GET /api/v1/public/events/{id}", "POST /api/v1/public/events/{id}/participations");
        assertThat(open).allMatch(key -> key.contains("/api/v1/public/") || key.contains("/api/v1/images/")
                || key.startsWith("POST /api/v1/users/"), "only customer, image and token operations are open");
    }

    @Test
    void everyErrorResponseIsAProblemWithItsFieldViolations() {
        JsonNode problem = doc.get("components").get("schemas").get(ProblemResponses.PROBLEM_SCHEMA);
        assertThat(problem.get("properties").has("errors")).isTrue();
        forEachOperation((key, operation) -> {
            JsonNode responses = operation.get("responses");
            assertThat(responses.has("503")).as(key + " documents 503").isTrue();
            assertThat(responses.has("500")).as(key + " documents no 500").isFalse();
            for (Map.Entry<String, JsonNode> response : responses.properties()) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode schema = response.getValue().get("content").get(ProblemResponses.PROBLEM_JSON).get("schema");
                    assertThat(schema.get("$ref").asString()).as(key + " " + response.getKey())
                            .endsWith("/" + ProblemResponses.PROBLEM_SCHEMA);
                }
            }
            if (operation.has("security")) {
                assertThat(responses.has("401")).as(key + " documents 401").isTrue();
            }
        });
        JsonNode create = doc.get("paths").get("/api/v1/events").get("post").get("responses");
        assertThat(create.has("400")).isTrue();
        JsonNode enter = doc.get("paths").get("/api/v1/public/events/{id}/participations").get("post").get("responses");
        assertThat(enter.has("409")).isTrue();
        assertThat(enter.has("429")).isTrue();
    }

    @Test
    void everyRequestBodyHasAnExample() {
        List<String> missing = new ArrayList<>();
        forEachOperation((key, operation) -> {
            if (operation.has("requestBody")) {
                operation.get("requestBody").get("content").properties().forEach(media -> {
                    if (!media.getValue().has("example")) {
                        missing.add(key + " " + media.getKey());
                    }
                });
            }
        });
        assertThat(missing).as("request bodies without an example (add one to RequestExamples)").isEmpty();
        JsonNode register = doc.get("paths").get("/api/v1/users/register").get("post").get("requestBody")
                .get("content").get("application/json").get("example");
        assertThat(register.get("store").get("businessNumber").asString()).isEqualTo("220-81-62517");
    }

    @Test
    void onlyTheApiIsInTheContract() {
        assertThat(doc.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/"));
    }

    private void forEachOperation(BiConsumer<String, JsonNode> action) {
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    action.accept(method.toUpperCase() + " " + path.getKey(), path.getValue().get(method));
                }
            }
        }
    }
}
