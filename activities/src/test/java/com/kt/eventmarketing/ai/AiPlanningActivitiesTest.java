package com.kt.eventmarketing.ai;

import com.kt.eventmarketing.ai.client.AiProperties;
import com.kt.eventmarketing.ai.client.AiProvider;
import com.kt.eventmarketing.ai.client.AnthropicMessagesClient;
import com.kt.eventmarketing.ai.client.ChatModelClient;
import com.kt.eventmarketing.ai.client.OpenAiChatClient;
import com.kt.eventmarketing.events.EventObjective;
import com.kt.eventmarketing.shared.SandboxServer;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class AiPlanningActivitiesTest {

    private static final String API_KEY = "sk-test-do-not-log-4242";
    private static final TrendRequest STORE = new TrendRequest(1, "맛있는 치킨", "음식점", "서울 강남구",
            "서울 강남구 테헤란로 1", "겨울", EventObjective.REVISIT);

    private final SandboxServer sandbox = SandboxServer.get();
    private TestActivityEnvironment environment;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        environment = TestActivityEnvironment.newInstance();
    }

    @AfterEach
    void tearDown() {
        environment.close();
    }

    @ParameterizedTest
    @EnumSource(AiProvider.class)
    void bothProvidersAnalyseTrendsAndRecommendThreeEvents(AiProvider provider) {
        AiPlanningActivities activities = activities(provider);

        TrendAnalysis trends = activities.analyzeTrends(STORE);
        List<Recommendation> plans = activities.recommendEvents(new RecommendationRequest(STORE, trends));

        assertThat(trends.summary()).contains("강남구");
        assertThat(trends.topPrizes()).hasSize(5);
        assertThat(trends.provider()).startsWith(provider.name().toLowerCase());
        assertThat(plans).hasSize(3).allSatisfy(plan -> {
            assertThat(plan.title()).isNotBlank();
            assertThat(plan.expectedParticipants()).isPositive();
            assertThat(plan.estimatedCost()).isPositive();
        });
    }

    @Test
    void aMalformedAnswerIsRetriedOnceWithACorrectionThenFailsNonRetryably(CapturedOutput output) {
        sandbox.setFaults("ai", "{\"malformed\":true}");

        assertThatThrownBy(() -> activities(AiProvider.OPENAI).analyzeTrends(STORE))
                .isInstanceOf(ActivityFailure.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo(PlanningConversation.MALFORMED_ANSWER);
                    assertThat(failure.isNonRetryable()).isTrue();
                    assertThat(failure.getOriginalMessage()).contains("not JSON");
                });
        assertThat(sandbox.requests("ai").split("\"method\"")).hasSize(3);
        assertThat(output.getAll()).doesNotContain(API_KEY);
    }

    @Test
    void propertiesNeverPrintTheApiKey() {
        assertThat(properties(AiProvider.ANTHROPIC).toString()).doesNotContain(API_KEY);
    }

    private AiPlanningActivities activities(AiProvider provider) {
        AiProperties properties = properties(provider);
        ChatModelClient model = provider == AiProvider.OPENAI
                ? new OpenAiChatClient(properties, sandbox.clients(), SandboxServer.guard())
                : new AnthropicMessagesClient(properties, sandbox.clients(), SandboxServer.guard());
        environment.registerActivitiesImplementations(new AiPlanningActivitiesImpl(model, PlanningCacheTest.withoutRedis()));
        return environment.newActivityStub(AiPlanningActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(30))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    }

    private static AiProperties properties(AiProvider provider) {
        return new AiProperties(provider, null, null, API_KEY, Duration.ofSeconds(10), 2000);
    }
}
