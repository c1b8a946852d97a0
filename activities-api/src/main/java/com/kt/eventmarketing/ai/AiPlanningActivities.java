package com.kt.eventmarketing.ai;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

import java.util.List;

/** Activities on the {@code ai} task queue. */
@ActivityInterface
public interface AiPlanningActivities {

    @ActivityMethod
    TrendAnalysis analyzeTrends(TrendRequest request);

    /** Always exactly three recommendations. */
    @ActivityMethod
    List<Recommendation> recommendEvents(RecommendationRequest request);
}
