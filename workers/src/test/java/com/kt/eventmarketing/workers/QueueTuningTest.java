package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.shared.TaskQueues;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueTuningTest {

    @Test
    void everyQueueHasDefaultsWithOrderedPollerBounds() {
        for (String queue : TaskQueues.ALL) {
            QueueTuning tuning = QueueTuning.defaultsFor(queue).checked();
            assertThat(tuning.minPollers()).as(queue).isNotNull();
            assertThat(tuning.minPollers()).as(queue).isLessThanOrEqualTo(tuning.initialPollers());
            assertThat(tuning.initialPollers()).as(queue).isLessThanOrEqualTo(tuning.maxPollers());
        }
        assertThat(QueueTuning.defaultsFor(TaskQueues.EVENT_WORKFLOW).maxConcurrentWorkflowTasks()).isEqualTo(200);
        for (String workflowQueue : List.of(TaskQueues.EVENT_WORKFLOW, TaskQueues.ANALYTICS)) {
            assertThat(QueueTuning.defaultsFor(workflowQueue).minPollers()).as("%s: sticky and normal queue each need a poller",
                    workflowQueue).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aiGetsAQueueWideRateContentFewSlotsButNoRateAndDistributionMany() {
        QueueTuning ai = QueueTuning.defaultsFor(TaskQueues.AI);
        QueueTuning content = QueueTuning.defaultsFor(TaskQueues.CONTENT);
        QueueTuning distribution = QueueTuning.defaultsFor(TaskQueues.DISTRIBUTION);
        QueueTuning core = QueueTuning.defaultsFor(TaskQueues.CORE);
        assertThat(ai.maxActivitiesPerSecond()).isNotNull();
        assertThat(content.maxActivitiesPerSecond()).as("poster work must not wait behind the image API's quota, "
                + "which is kept on the calls themselves").isNull();
        assertThat(content.maxConcurrentActivities()).isLessThan(ai.maxConcurrentActivities());
        assertThat(distribution.maxConcurrentActivities()).isGreaterThan(ai.maxConcurrentActivities());
        assertThat(core.maxConcurrentActivities()).as("below the 20-connection database pool").isLessThan(20);
    }

    @Test
    void configurationOverridesOnlyWhatItSets() {
        WorkerPoolProperties properties = new WorkerPoolProperties(" activities ", List.of("ai", " content", "ai"),
                Map.of("ai", new QueueTuning(20, null, 10.0, 3.0, null, 8, null)), null);
        assertThat(properties.poolName()).isEqualTo("activities");
        assertThat(properties.taskQueues()).containsExactly("ai", "content");
        assertThat(properties.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        QueueTuning ai = properties.tuning("ai");
        assertThat(ai).isEqualTo(new QueueTuning(20, null, 10.0, 3.0, 1, 8, 2));
        assertThat(properties.tuning("content")).isEqualTo(QueueTuning.defaultsFor("content"));
    }

    @Test
    void badValuesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> new QueueTuning(0, null, null, null, null, null, null))
                .hasMessageContaining("max-concurrent-activities");
        assertThatThrownBy(() -> QueueTuning.defaultsFor("ai").overriddenBy(new QueueTuning(null, null, null, null, 5, 2, null)))
                .hasMessageContaining("min-pollers 5 > max-pollers 2");
        assertThatThrownBy(() -> QueueTuning.defaultsFor("nope")).hasMessageContaining("unknown task queue 'nope'");
    }

    @Test
    void eventIdComesFromTheEventWorkflowIdOnly() {
        assertThat(ActivityMdcInterceptor.eventIdOf("event-42")).isEqualTo("42");
        assertThat(ActivityMdcInterceptor.eventIdOf("other-42")).isNull();
        assertThat(ActivityMdcInterceptor.eventIdOf(null)).isNull();
    }
}
