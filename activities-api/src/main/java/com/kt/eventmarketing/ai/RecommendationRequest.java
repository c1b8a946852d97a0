package com.kt.eventmarketing.ai;

public record RecommendationRequest(TrendRequest trendRequest, TrendAnalysis trends) {
}
