package com.kt.eventmarketing.ai;

import java.util.List;

/** Trend analysis for business type × region × season. */
public record TrendAnalysis(String summary,
                            List<String> successfulEventTypes,
                            List<String> topPrizes,
                            List<String> participationMethods,
                            List<String> regionalTraits,
                            String provider) {
}
