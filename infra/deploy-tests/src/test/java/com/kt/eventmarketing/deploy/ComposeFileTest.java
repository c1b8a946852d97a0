package com.kt.eventmarketing.deploy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code infra/deploy/compose/compose.yaml} as Docker Compose itself reads it ({@code docker compose config}, which
 * needs no engine: schema, interpolation, anchors, depends_on), then what it must contain: Temporal on PostgreSQL
 * with the Web UI, Kafka in KRaft mode, PostgreSQL, Redis, the sandbox, api-gateway and one service per pool.
 */
class ComposeFileTest {
    static final String FILE = "infra/deploy/compose/compose.yaml";

    @Test
    void composeConfigAcceptsTheFileAndItHasEveryServiceAndPool() throws Exception {
        String compose = Tools.get().get("KT_COMPOSE");
        assumeTrue(compose != null, "SKIPPED: neither `docker compose` nor a buildable Compose CLI (Go missing?) — run infra/scripts/ensure-deploy-tools.sh");
        List<String> command = new ArrayList<>(List.of(compose.split(" ")));
        command.addAll(List.of("-f", FILE, "config", "--format", "json"));
        Tools.Result result = Tools.run(command, 120);
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode services = JsonMapper.builder().build().readTree(result.out()).path("services");

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
    }
}
