package com.kt.eventmarketing.events;

import java.time.Duration;

/**
 * What the gateway knows when the owner starts an event. {@code draftExpiry} is how long the workflow waits for
 * the owner at any step before the draft expires.
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
                                 Duration draftExpiry) {

    public static String workflowId(long eventId) {
        return "event-" + eventId;
    }
}
