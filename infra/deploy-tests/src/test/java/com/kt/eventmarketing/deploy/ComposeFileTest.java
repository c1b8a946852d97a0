package com.kt.eventmarketing.deploy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code infra/deploy/compose/compose.yaml} as Docker Compose itself reads it ({@code docker compose config}, which
 * needs no engine: schema, interpolation, anchors, depends_on), then what it must contain: Temporal on PostgreSQL
 * with the Web UI, Kafka in KRaft mode, PostgreSQL, Redis, the sandbox, api-gateway and one service per pool;
 * secrets only from an env file, and only the API and the Temporal Web UI published, on 127.0.0.1.
 */
class ComposeFileTest {
    static final String FILE = "infra/deploy/compose/compose.yaml";
    static final String TEST_ENV = "infra/deploy-tests/src/test/resources/compose-test.env";

    @Test
    void composeConfigAcceptsTheFileAndItHasEveryServiceAndPool() throws Exception {
        JsonNode services = JsonMapper.builder().build().readTree(config("--env-file", TEST_ENV).out()).path("services");

        assertThat(services.has("temporal") && services.has("temporal-ui") && services.has("temporal-postgresql")).isTrue();
        assertThat(services.path("temporal").path("environment").path("DB").asString()).isEqualTo("postgres12");
        assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asString()).contains("controller");
        for (String name : List.of("postgres", "redis", "sandbox", "api-gateway", "temporal-setup")) {
            assertThat(services.has(name)).as(name).isTrue();
        }
        Set<String> served = new HashSet<>();
        int pools = 0;
        for (var service : services.properties()) {
            JsonNode env = service.getValue().path("environment");
            if (service.getKey().startsWith("workers-")) {
                pools++;
                assertThat(env.path("KT_WORKER_POOL").asString()).isNotBlank();
                served.addAll(KubernetesManifestsTest.polledQueues(env.path("KT_WORKER_TASK_QUEUES").asString(),
                        env.path("KT_ANALYTICS_STATS_WORKER_ENABLED").asString()));
                assertThat(service.getValue().path("healthcheck").path("test").toString()).contains("/actuator/health/readiness");
                assertThat(service.getValue().path("stop_grace_period").isMissingNode()).as(service.getKey() + " stop_grace_period").isFalse();
            }
        }
        assertThat(pools).isGreaterThanOrEqualTo(2);
        assertThat(served).containsExactlyInAnyOrderElementsOf(KubernetesManifestsTest.TASK_QUEUES);
        assertThat(services.path("api-gateway").path("healthcheck").path("test").toString())
                .contains("localhost:9080/actuator/health/readiness");
    }

    /** Temporal's frontend has no auth, the sandbox logs winners' phones: only the API and the Web UI leave the host network. */
    @Test
    void onlyTheApiAndTheTemporalWebUiArePublishedAndOnlyOnLoopback() throws Exception {
        JsonNode services = JsonMapper.builder().build().readTree(config("--env-file", TEST_ENV).out()).path("services");
        Set<String> published = new HashSet<>();
        for (var service : services.properties()) {
            for (JsonNode port : service.getValue().path("ports")) {
                published.add(service.getKey() + ":" + port.path("target").asInt());
                assertThat(port.path("host_ip").asString()).as(service.getKey()).isEqualTo("127.0.0.1");
            }
        }
        assertThat(published).containsExactlyInAnyOrder("api-gateway:8080", "temporal-ui:8080");
    }

    @Test
    void withoutTheEnvFileComposeRefusesNamingTheMissingSecret() throws Exception {
        List<String> command = composeCommand();
        command.addAll(List.of("-f", FILE, "config", "--quiet"));
        Tools.Result result = Tools.run(command, 120);
        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).containsAnyOf("KT_JWT_SECRET", "KT_DB_PASSWORD", "KT_ENCRYPTION_KEY", "KT_HASH_KEY",
                "KT_TEMPORAL_DB_PASSWORD");
        assertThat(Files.readString(Tools.ROOT.resolve(FILE))).doesNotContain("bG9jYWwtb25seS");
    }

    private static Tools.Result config(String... options) throws Exception {
        List<String> command = composeCommand();
        command.addAll(List.of(options));
        command.addAll(List.of("-f", FILE, "config", "--format", "json"));
        Tools.Result result = Tools.run(command, 120);
        assertThat(result.exit()).as(result.err()).isZero();
        return result;
    }

    private static List<String> composeCommand() {
        String compose = Tools.get().get("KT_COMPOSE");
        assumeTrue(compose != null, "SKIPPED: neither `docker compose` nor a buildable Compose CLI (Go missing?) — run infra/scripts/ensure-deploy-tools.sh");
        return new ArrayList<>(List.of(compose.split(" ")));
    }
}
