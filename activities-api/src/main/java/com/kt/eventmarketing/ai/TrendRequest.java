package com.kt.eventmarketing.ai;

import com.kt.eventmarketing.events.EventObjective;

/** What the AI needs to know about the shop and the owner's purpose. Region is derived from the address. */
public record TrendRequest(long eventId, String storeName, String businessType, String region, String address,
                           String season, EventObjective objective) {
}
