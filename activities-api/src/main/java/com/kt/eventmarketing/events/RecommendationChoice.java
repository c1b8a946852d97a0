package com.kt.eventmarketing.events;

/** The owner's pick among the three recommendations, with optional edits (null keeps the AI's text). */
public record RecommendationChoice(int index, String title, String prize, String participationMethod) {
}
