package com.kt.eventmarketing.ai;

import com.kt.eventmarketing.ai.client.AiProperties;
import com.kt.eventmarketing.ai.client.AiProvider;
import com.kt.eventmarketing.ai.client.OpenAiChatClient;
import com.kt.eventmarketing.events.EventObjective;
import com.kt.eventmarketing.shared.SandboxServer;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One model call slower than the activity's heartbeat timeout must not get a healthy activity killed: the activity
 * heartbeats during the call. Scaled down from production (2-minute heartbeat timeout, 60 s calls) to a 2 s heartbeat
 * timeout and a 5 s answer, on Temporal's in-process server with real time so the timeout is really enforced.
 */
class AiHeartbeatTest {

    private static final String QUEUE = "ai-heartbeat-test";
    private static final TrendRequest STORE = new TrendRequest(1, "맛있는 치킨", "음식점", "서울 강남구",
            "서울 강남구 테헤란로 1", "겨울", EventObjective.REVISIT);

    private final SandboxServer sandbox = SandboxServer.get();
    private TestWorkflowEnvironment environment;

    @WorkflowInterface
    public interface TrendWorkflow {
        @WorkflowMethod
        TrendAnalysis analyze(TrendRequest request);
    }

    public static class TrendWorkflowImpl implements TrendWorkflow {
        private final AiPlanningActivities ai = Workflow.newActivityStub(AiPlanningActivities.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .setHeartbeatTimeout(Duration.ofSeconds(2))
                        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                        .build());

        @Override
        public TrendAnalysis analyze(TrendRequest request) {
            return ai.analyzeTrends(request);
        }
    }

    /** The same model call without heartbeats during it: what the heartbeat timeout does to a silent activity. */
    public static class SilentAiPlanningActivities implements AiPlanningActivities {
        private final OpenAiChatClient model;

        SilentAiPlanningActivities(OpenAiChatClient model) {
            this.model = model;
        }

        @Override
        public TrendAnalysis analyzeTrends(TrendRequest request) {
            return PlanningConversation.ask(model, PlanningPrompts.TREND_INSTRUCTION,
                    PlanningPrompts.trendRequest(request),
                    answer -> PlanningAnswerParser.trendAnalysis(answer, model.modelName()),
                    java.util.function.Supplier::get);
        }

        @Override
        public java.util.List<Recommendation> recommendEvents(RecommendationRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    @BeforeEach
    void setUp() {
        sandbox.reset();
        sandbox.setFaults("ai", "{\"latencyMs\":5000}");
        environment = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false).build());
    }

    @AfterEach
    void tearDown() {
        environment.close();
        sandbox.reset();
    }

    private OpenAiChatClient model() {
        return new OpenAiChatClient(new AiProperties(AiProvider.OPENAI, null, null, "key", Duration.ofSeconds(15),
                2000), sandbox.clients(), SandboxServer.guard());
    }

    private TrendWorkflow start(Object activities) {
        Worker worker = environment.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(TrendWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        environment.start();
        return environment.getWorkflowClient().newWorkflowStub(TrendWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowExecutionTimeout(Duration.ofMinutes(1))
                        .build());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCallLongerThanTheHeartbeatTimeoutSucceedsBecauseTheActivityHeartbeatsDuringIt() {
        TrendAnalysis trends = start(new AiPlanningActivitiesImpl(model(), PlanningCacheTest.withoutRedis())).analyze(STORE);

        assertThat(trends.topPrizes()).hasSize(5);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void withoutHeartbeatsDuringTheCallTheSameCallTimesOut() {
        TrendWorkflow workflow = start(new SilentAiPlanningActivities(model()));

        assertThatThrownBy(() -> workflow.analyze(STORE)).isInstanceOf(WorkflowFailedException.class)
                .cause().isInstanceOf(ActivityFailure.class)
                .cause().isInstanceOfSatisfying(TimeoutFailure.class, timeout ->
                        assertThat(timeout.getTimeoutType().name()).isEqualTo("TIMEOUT_TYPE_HEARTBEAT"));
    }
}
