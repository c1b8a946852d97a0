package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --only=} by name: the declared order whatever the order asked, the cluster's scenarios only on the cluster. */
class FaultScenarioSelectionTest {

    private static List<String> names(List<FaultScenario> scenarios) {
        return scenarios.stream().map(FaultScenario::name).toList();
    }

    @Test
    void namesAreUniqueAndRedisRunsLast() {
        List<String> all = names(FaultInjection.SCENARIOS);
        assertThat(all).doesNotHaveDuplicates();
        assertThat(all.get(all.size() - 1)).isEqualTo("RedisOutage");
    }

    @Test
    void picksByNameCaseInsensitivelyInTheDeclaredOrder() {
        assertThat(names(FaultInjection.select(List.of("redisoutage", "KillWorkerPools", "GatewayKill"), TemporalMode.DEV)))
                .containsExactly("KillWorkerPools", "GatewayKill", "RedisOutage");
    }

    @Test
    void theClustersScenariosRunOnlyOnTheCluster() {
        List<String> onDev = names(FaultInjection.select(List.of(), TemporalMode.DEV));
        List<String> onCluster = names(FaultInjection.select(List.of(), TemporalMode.CLUSTER));
        assertThat(onDev).doesNotContain("TemporalNodeKill", "PostgresRestart", "TemporalClusterOutage").contains("KafkaOutage");
        assertThat(onCluster).containsExactlyElementsOf(names(FaultInjection.SCENARIOS));
        assertThat(FaultInjection.select(List.of("TemporalNodeKill"), TemporalMode.DEV)).isEmpty();
    }

    @Test
    void anUnknownNameFailsAndListsTheNames() {
        assertThatThrownBy(() -> FaultInjection.select(List.of("3"), TemporalMode.DEV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown scenario 3").hasMessageContaining("KafkaOutage");
    }
}
