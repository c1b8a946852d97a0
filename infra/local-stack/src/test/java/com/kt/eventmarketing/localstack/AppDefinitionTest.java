package com.kt.eventmarketing.localstack;

import com.kt.eventmarketing.localstack.apps.AppDefinition;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppDefinitionTest {

    @Test
    void theLocalDefaultIsOneWorkersProcessPollingEveryQueue() {
        List<AppDefinition> apps = LocalStackSettings.fromEnvironment(Map.of()).apps();

        assertThat(apps).extracting(AppDefinition::name).containsExactly("sandbox", "api", "workers");
        assertThat(queues(apps.get(2))).containsExactlyInAnyOrder("event-workflow", "core", "ai", "content", "distribution");
        assertThat(apps.get(2).commandLine()).contains("--kt.worker.pool-name=workers", "--server.port=8081");
    }

    @Test
    void splitPoolsStayPossibleAndTogetherPollEveryQueueOnce() {
        List<AppDefinition> apps = LocalStackSettings.fromEnvironment(Map.of("KT_LOCAL_WORKER_POOLS", "split")).apps();

        assertThat(apps).extracting(AppDefinition::name).containsExactly("sandbox", "api", "flow", "activities");
        assertThat(queues(apps.get(2))).containsExactly("event-workflow", "core");
        assertThat(queues(apps.get(3))).containsExactly("ai", "content", "distribution");
        assertThat(apps.get(3).commandLine()).contains("--server.port=8082");
    }

    @Test
    void theApplicationsGetTheMeasuredJvmOptionsUnlessOverridden() {
        assertThat(LocalStackSettings.fromEnvironment(Map.of()).appJvmOptions()).contains("-XX:+UseSerialGC").anyMatch(o -> o.startsWith("-Xmx"));
        assertThat(LocalStackSettings.fromEnvironment(Map.of("KT_APP_JVM_OPTIONS", " -Xmx1g  -XX:+UseG1GC ")).appJvmOptions())
                .containsExactly("-Xmx1g", "-XX:+UseG1GC");
    }

    @Test
    void anApplicationAskedForPortZeroBindsAnyPort() {
        List<AppDefinition> apps = LocalStackSettings.fromEnvironment(Map.of("KT_SANDBOX_PORT", "0")).apps();

        assertThat(apps.get(0).commandLine()).containsExactly("--server.port=0");
    }

    @Test
    void theJarsCarryTheBuildsVersionNotASpelledOne() {
        List<AppDefinition> apps = LocalStackSettings.fromEnvironment(Map.of("KT_REPO_ROOT", "/repo")).apps();

        assertThat(BuildVersions.project()).isNotBlank().doesNotContain("@");
        assertThat(apps).extracting(app -> app.jar().toString()).containsExactly(
                "/repo/infra/sandbox/target/sandbox-" + BuildVersions.project() + "-exec.jar",
                "/repo/api-gateway/target/api-gateway-" + BuildVersions.project() + "-exec.jar",
                "/repo/workers/target/workers-" + BuildVersions.project() + "-exec.jar");
    }

    private static List<String> queues(AppDefinition app) {
        return app.args().stream().filter(a -> a.startsWith("--kt.worker.task-queues="))
                .flatMap(a -> Arrays.stream(a.substring(a.indexOf('=') + 1).split(","))).toList();
    }
}
