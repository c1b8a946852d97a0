package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.ai.AiPlanningActivities;
import com.kt.eventmarketing.ai.Recommendation;
import com.kt.eventmarketing.ai.RecommendationRequest;
import com.kt.eventmarketing.ai.TrendAnalysis;
import com.kt.eventmarketing.ai.TrendRequest;
import com.kt.eventmarketing.content.ChannelPosterRequest;
import com.kt.eventmarketing.content.GeneratedImage;
import com.kt.eventmarketing.content.ImageGenerationActivities;
import com.kt.eventmarketing.content.ImageRequest;
import com.kt.eventmarketing.content.ImageStyle;
import com.kt.eventmarketing.content.PosterRequest;
import com.kt.eventmarketing.events.EventCreationInput;
import com.kt.eventmarketing.events.EventCreationWorkflow;
import com.kt.eventmarketing.events.EventObjective;
import com.kt.eventmarketing.events.EventRecordActivities;
import com.kt.eventmarketing.events.EventSearchAttributes;
import com.kt.eventmarketing.events.EventSnapshot;
import com.kt.eventmarketing.events.EventStatus;
import com.kt.eventmarketing.events.EventStep;
import com.kt.eventmarketing.events.RecommendationChoice;
import com.kt.eventmarketing.shared.TaskQueues;
import com.kt.eventmarketing.testsupport.WithRealServers;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace id per request, end to end through this application's own wiring on the real Temporal server: the
 * starter's WorkflowClient (with the {@link TemporalTracingConfiguration} customizer) starts, updates and cancels
 * an event workflow with a trace id in the caller's MDC, the {@link WorkerPool} runs the workflow and (test
 * double) activities, and each activity sees in its MDC the trace id of the request that led to it, next to the
 * workflow, event and pool fields. The workflow's own JSON log line carries the cancelling request's trace id.
 */
@WithRealServers
@SpringBootTest(classes = WorkersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "kt.worker.pool-name=trace-it",
        "kt.worker.task-queues=event-workflow,ai,content,core",
})
@Import(TracePropagationTest.Doubles.class)
@ActiveProfiles("json-logs")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class TracePropagationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Each activity call: its name and the MDC it ran with. */
    static final List<Map.Entry<String, Map<String, String>>> CALLS = new CopyOnWriteArrayList<>();

    @Autowired
    WorkflowClient client;

    @TestConfiguration
    static class Doubles {
        private static void record(String name) {
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            CALLS.add(Map.entry(name, mdc == null ? Map.of() : mdc));
        }

        @Bean
        @Primary
        AiPlanningActivities fakeAi() {
            return new AiPlanningActivities() {
                @Override
                public TrendAnalysis analyzeTrends(TrendRequest request) {
                    record("analyzeTrends");
                    return new TrendAnalysis("trend", List.of("a"), List.of("b"), List.of("c"), List.of("d"), "fake");
                }

                @Override
                public List<Recommendation> recommendEvents(RecommendationRequest request) {
                    record("recommendEvents");
                    List<Recommendation> out = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        out.add(new Recommendation("plan " + i, "prize", "method", 100, 100_000L, 150.0, "desc"));
                    }
                    return out;
                }
            };
        }

        @Bean
        @Primary
        ImageGenerationActivities fakeImages() {
            GeneratedImage preview = new GeneratedImage("img-1", ImageStyle.SIMPLE, null, 1080, 1080, "http://img/1.png",
                    "renderer");
            return new ImageGenerationActivities() {
                @Override
                public List<GeneratedImage> generateImages(ImageRequest request) {
                    record("generateImages");
                    return List.of(preview);
                }

                @Override
                public List<GeneratedImage> generatePreviews(ImageRequest request) {
                    record("generatePreviews");
                    return List.of(preview);
                }

                @Override
                public GeneratedImage renderPreview(PosterRequest request) {
                    record("renderPreview");
                    return preview;
                }

                @Override
                public GeneratedImage renderChannelPoster(ChannelPosterRequest request) {
                    record("renderChannelPoster");
                    return preview;
                }
            };
        }

        @Bean
        @Primary
        EventRecordActivities fakeRecords() {
            return new EventRecordActivities() {
                @Override
                public void recordProgress(EventSnapshot snapshot) {
                    record("recordProgress:" + snapshot.step());
                }

                @Override
                public void recordApproval(EventSnapshot snapshot) {
                    record("recordApproval");
                }

                @Override
                public void recordDistribution(EventSnapshot snapshot, int round) {
                    record("recordDistribution");
                }
            };
        }
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void eachRequestsTraceIdReachesTheActivitiesItCausesAndTheWorkflowsLogLines(CapturedOutput output) throws Exception {
        long eventId = 900_000_000L + ThreadLocalRandom.current().nextInt(99_999_999);
        String workflowId = EventCreationInput.workflowId(eventId);
        EventCreationWorkflow workflow = client.newWorkflowStub(EventCreationWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.EVENT_WORKFLOW)
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(EventSearchAttributes.STORE_ID, "1")
                        .set(EventSearchAttributes.OBJECTIVE, EventObjective.NEW_CUSTOMERS.name())
                        .set(EventSearchAttributes.EVENT_STATUS, EventStatus.DRAFT.name())
                        .build())
                .build());

        MDC.put("traceId", "0af7651916cd43dd8448eb211c80319c");
        WorkflowClient.start(workflow::run, new EventCreationInput(eventId, 1, 1, "가게", "음식점", "서울 어딘가", "서울특별시",
                EventObjective.NEW_CUSTOMERS, "http://p/" + eventId, Duration.ofDays(1), null, null));
        awaitStep(workflow, EventStep.SELECT_RECOMMENDATION);

        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        workflow.selectRecommendation(new RecommendationChoice(0, null, null, null));
        awaitStep(workflow, EventStep.EDIT_CONTENT);

        MDC.put("traceId", "a3ce929d0e0e47364bf92f3577b34da6");
        assertThat(workflow.cancel("trace test").status()).isEqualTo(EventStatus.CANCELLED);
        MDC.clear();

        assertThat(call("analyzeTrends")).containsEntry("traceId", "0af7651916cd43dd8448eb211c80319c")
                .containsEntry("workflowId", workflowId)
                .containsEntry("eventId", Long.toString(eventId))
                .containsEntry("pool", "trace-it")
                .containsEntry("taskQueue", TaskQueues.AI)
                .containsKey("runId");
        assertThat(call("recordProgress:SELECT_RECOMMENDATION")).containsEntry("traceId", "0af7651916cd43dd8448eb211c80319c");
        assertThat(call("generatePreviews")).as("the activity the Update led to")
                .containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry("eventId", Long.toString(eventId));
        assertThat(call("recordProgress:EDIT_CONTENT")).containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(call("recordProgress:CANCELLED")).as("the cancel Update's compensation")
                .containsEntry("traceId", "a3ce929d0e0e47364bf92f3577b34da6");

        String line = Arrays.stream(output.getOut().split("\\R"))
                .filter(l -> l.contains("event " + eventId + " cancelled while planning")).findFirst().orElseThrow();
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("traceId").asString()).isEqualTo("a3ce929d0e0e47364bf92f3577b34da6");
        assertThat(json.path("workflowId").asString()).isEqualTo(workflowId);
        assertThat(json.path("eventId").asString()).isEqualTo(Long.toString(eventId));
    }

    private static Map<String, String> call(String name) {
        return CALLS.stream().filter(c -> c.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not called; calls: " + CALLS.stream().map(Map.Entry::getKey).toList()));
    }

    private static void awaitStep(EventCreationWorkflow workflow, EventStep step) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        EventStep last = null;
        while (System.nanoTime() < deadline) {
            last = workflow.snapshot().step();
            if (last == step) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("workflow did not reach " + step + "; last step " + last);
    }
}
