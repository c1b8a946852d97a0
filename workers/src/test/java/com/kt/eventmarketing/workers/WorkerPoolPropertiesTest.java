package com.kt.eventmarketing.workers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerPoolPropertiesTest {

    private static WorkerPoolProperties polling(String... queues) {
        return new WorkerPoolProperties("pool", List.of(queues), null, null);
    }

    @Test
    void thePoolThatPublishesToChannelsAlsoPollsTheStatisticsQueue() {
        assertThat(polling("ai", "content", "distribution").polledQueues(null))
                .containsExactly("ai", "content", "distribution", "analytics");
        assertThat(polling("event-workflow", "core").polledQueues(null)).containsExactly("event-workflow", "core");
    }

    @Test
    void theStatsWorkerSettingOverridesWhereStatisticsArePolled() {
        assertThat(polling("distribution").polledQueues(false)).containsExactly("distribution");
        assertThat(polling("event-workflow", "core").polledQueues(true)).containsExactly("event-workflow", "core", "analytics");
    }

    @Test
    void aListedStatisticsQueueIsPolledOnce() {
        assertThat(polling("analytics", "distribution").polledQueues(null)).containsExactly("distribution", "analytics");
        assertThat(polling("analytics").polledQueues(null)).containsExactly("analytics");
    }
}
