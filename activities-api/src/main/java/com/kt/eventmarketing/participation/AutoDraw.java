package com.kt.eventmarketing.participation;

/**
 * The owner's wish to have winners drawn automatically when the event ends (chosen with the channels).
 * {@code algorithm} is RANDOM or WEIGHTED; {@code visitBonus} (1–3) are the extra tickets of a store visit.
 */
public record AutoDraw(int winnerCount, String algorithm, int visitBonus) {
}
