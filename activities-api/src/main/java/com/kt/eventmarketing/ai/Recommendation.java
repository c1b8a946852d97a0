package com.kt.eventmarketing.ai;

/** One proposed event plan. Costs are in KRW; expectedRoi is a percentage. */
public record Recommendation(String title,
                             String prize,
                             String participationMethod,
                             int expectedParticipants,
                             long estimatedCost,
                             double expectedRoi,
                             String description) {
}
