package com.kt.eventmarketing.gateway;

import com.kt.eventmarketing.ai.AiPlanningActivities;
import com.kt.eventmarketing.analytics.ChannelStatsActivities;
import com.kt.eventmarketing.content.ImageGenerationActivities;
import com.kt.eventmarketing.distribution.ChannelPublishActivities;
import com.kt.eventmarketing.events.EventRecordActivities;
import com.kt.eventmarketing.participation.ParticipationActivities;
import com.kt.eventmarketing.shared.resilience.ExternalCallGuard;
import com.kt.eventmarketing.shared.resilience.RestClientFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots api-gateway against real PostgreSQL, Redis, Kafka and Temporal: every dependency UP on the management port,
 * and nothing of the actuator on the public port but the status-only probes a load balancer needs.
 */
@GatewayTest
class GatewayHealthTest {
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    HealthEndpointGroups healthGroups;
    @Autowired
    ApplicationContext context;

    @Test
    void healthIsUpWithEveryDependencyOnTheManagementPort() {
        assertThat(managementPort).isNotEqualTo(port);
        var health = new ApiClient(managementPort).get("/actuator/health", null);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        var json = health.json();
        assertThat(json.get("status").asString()).isEqualTo("UP");
        for (String component : new String[]{"db", "redis", "kafka", "temporal"}) {
            assertThat(json.get("components").get(component).get("status").asString()).as(component).isEqualTo("UP");
        }
    }

    @Test
    void thePublicPortServesOnlyStatusOnlyProbesNoMetricsAndNoHealthDetails() {
        ApiClient api = new ApiClient(port);
        for (String probe : new String[]{"/livez", "/readyz"}) {
            var answer = api.get(probe, null);
            assertThat(answer.status()).as(probe + " " + answer.body()).isEqualTo(200);
            assertThat(answer.body()).as(probe).contains("\"UP\"").doesNotContain("components").doesNotContain("details");
        }
        for (String path : new String[]{"/actuator/prometheus", "/actuator/health", "/actuator/metrics", "/actuator/env"}) {
            assertThat(api.getAnything(path).status()).as(path).isIn(401, 404);
        }
    }

    /**
     * The benchmark's bare echo lives in the harness (infra/bench), which adds it only to the gateway it starts:
     * the gateway's package it sits in is scanned here too, so its absence is what keeps the path away.
     */
    @Test
    void theBenchmarksEchoEndpointIsNotServed() {
        var echo = new ApiClient(port).post("/api/v1/public/bench/echo", null, Map.of("name", "x"));
        assertThat(echo.status()).as(echo.body()).isEqualTo(404);
        assertThat(context.getBeanDefinitionNames()).doesNotContain("bareEchoController");
    }

    /** The gateway scans packages that hold activity implementations; as worker components they stay out. */
    @Test
    void noActivityImplementationOrOutgoingCallGuardIsCreated() {
        for (Class<?> workerOnly : new Class<?>[]{AiPlanningActivities.class, ImageGenerationActivities.class,
                ChannelPublishActivities.class, EventRecordActivities.class, ParticipationActivities.class,
                ChannelStatsActivities.class, ExternalCallGuard.class, RestClientFactory.class}) {
            assertThat(context.getBeanNamesForType(workerOnly)).as(workerOnly.getSimpleName()).isEmpty();
        }
    }

    /** An outage of a dependency must not make the kubelet restart every gateway. */
    @Test
    void theProbeGroupsHoldOnlyTheApplicationsOwnStates() {
        for (String dependency : new String[]{"db", "redis", "kafka", "temporal"}) {
            assertThat(healthGroups.get("liveness").isMember(dependency)).as("liveness has " + dependency).isFalse();
            assertThat(healthGroups.get("readiness").isMember(dependency)).as("readiness has " + dependency).isFalse();
        }
        assertThat(healthGroups.get("liveness").isMember("livenessState")).isTrue();
        assertThat(healthGroups.get("readiness").isMember("readinessState")).isTrue();
    }

    @Test
    void openApiOnTheApiAndPrometheusOnTheManagementPort() {
        var docs = new ApiClient(port).getAnything("/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/users/register").contains("/api/v1/events/{id}/publish");
        var metrics = new ApiClient(managementPort).getAnything("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    /**
     * Per-request observation overhead the intake profile found (15 % of the gateway's CPU in metrics): request
     * timers stay, the security chain's per-filter observations and a long-task timer per observation do not.
     */
    @Test
    void requestTimersWithoutPerFilterObservationsOrLongTaskTimers() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/users/me", null).status()).isEqualTo(401);
        assertThat(api.getAnything("/v3/api-docs").status()).isEqualTo(200);
        String metrics = new ApiClient(managementPort).getAnything("/actuator/prometheus").body();
        assertThat(metrics).contains("http_server_requests_seconds_count");
        assertThat(metrics).doesNotContain("http_server_requests_active_seconds").doesNotContain("spring_security_");
    }
}
