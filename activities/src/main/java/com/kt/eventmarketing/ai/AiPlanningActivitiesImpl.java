package com.kt.eventmarketing.ai;

import com.kt.eventmarketing.ai.client.ChatModelClient;
import com.kt.eventmarketing.shared.WorkerComponent;
import com.kt.eventmarketing.shared.resilience.Heartbeats;

import java.util.List;

/**
 * Trend analysis and recommendations through the configured chat model. Model calls take tens of seconds; the
 * activity heartbeats during each one, so the heartbeat timeout catches a dead worker but never a slow healthy call.
 */
@WorkerComponent
public class AiPlanningActivitiesImpl implements AiPlanningActivities {

    private final ChatModelClient model;
    private final PlanningCache cache;

    public AiPlanningActivitiesImpl(ChatModelClient model, PlanningCache cache) {
        this.model = model;
        this.cache = cache;
    }

    @Override
    public TrendAnalysis analyzeTrends(TrendRequest request) {
        return cache.trends(request, () -> PlanningConversation.ask(model, PlanningPrompts.TREND_INSTRUCTION,
                PlanningPrompts.trendRequest(request),
                answer -> PlanningAnswerParser.trendAnalysis(answer, model.modelName()),
                call -> Heartbeats.during("trends", call)));
    }

    @Override
    public List<Recommendation> recommendEvents(RecommendationRequest request) {
        return cache.recommendations(request, () -> PlanningConversation.ask(model, PlanningPrompts.RECOMMENDATION_INSTRUCTION,
                PlanningPrompts.recommendationRequest(request), PlanningAnswerParser::recommendations,
                call -> Heartbeats.during("recommendations", call)));
    }
}
