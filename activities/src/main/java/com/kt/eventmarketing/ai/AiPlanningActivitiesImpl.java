package com.kt.eventmarketing.ai;

import com.kt.eventmarketing.ai.client.ChatModelClient;
import io.temporal.activity.Activity;
import org.springframework.stereotype.Component;

import java.util.List;

/** Trend analysis and recommendations through the configured chat model. */
@Component
public class AiPlanningActivitiesImpl implements AiPlanningActivities {

    private final ChatModelClient model;

    public AiPlanningActivitiesImpl(ChatModelClient model) {
        this.model = model;
    }

    @Override
    public TrendAnalysis analyzeTrends(TrendRequest request) {
        return PlanningConversation.ask(model, PlanningPrompts.TREND_INSTRUCTION, PlanningPrompts.trendRequest(request),
                answer -> PlanningAnswerParser.trendAnalysis(answer, model.modelName()),
                () -> heartbeat("trends"));
    }

    @Override
    public List<Recommendation> recommendEvents(RecommendationRequest request) {
        return PlanningConversation.ask(model, PlanningPrompts.RECOMMENDATION_INSTRUCTION,
                PlanningPrompts.recommendationRequest(request), PlanningAnswerParser::recommendations,
                () -> heartbeat("recommendations"));
    }

    /** Model calls take tens of seconds; heartbeats let a heartbeat timeout catch a worker that died meanwhile. */
    private static void heartbeat(String stage) {
        Activity.getExecutionContext().heartbeat(stage);
    }
}
