package com.kt.eventmarketing.events;

import java.time.Duration;

/**
 * What the gateway knows when the owner starts an event. {@code draftExpiry} is how long the workflow waits for
 * the owner at any step before the draft expires; {@code purgeNonWinnersAfter} and {@code purgeWinnersAfter}
 * are how long after the end entrants' personal data is kept (null in workflows started before they existed:
 * {@link #DEFAULT_PURGE_NON_WINNERS_AFTER} and {@link #DEFAULT_PURGE_WINNERS_AFTER} apply).
 */
public record EventCreationInput(long eventId,
                                 long ownerId,
                                 long storeId,
                                 String storeName,
                                 String businessType,
                                 String address,
                                 String region,
                                 EventObjective objective,
                                 String participationUrl,
                                 Duration draftExpiry,
                                 Duration purgeNonWinnersAfter,
                                 Duration purgeWinnersAfter) {

    public static final Duration DEFAULT_PURGE_NON_WINNERS_AFTER = Duration.ofDays(30);
    public static final Duration DEFAULT_PURGE_WINNERS_AFTER = Duration.ofDays(90);

    public Duration nonWinnerRetention() {
        return purgeNonWinnersAfter == null ? DEFAULT_PURGE_NON_WINNERS_AFTER : purgeNonWinnersAfter;
    }

    /** Winners keep their data longer (the prize has to reach them); never shorter than the non-winners'. */
    public Duration winnerRetention() {
        Duration winners = purgeWinnersAfter == null ? DEFAULT_PURGE_WINNERS_AFTER : purgeWinnersAfter;
        return winners.compareTo(nonWinnerRetention()) < 0 ? nonWinnerRetention() : winners;
    }

    public static String workflowId(long eventId) {
        return "event-" + eventId;
    }
}
