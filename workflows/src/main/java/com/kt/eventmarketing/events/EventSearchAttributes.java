package com.kt.eventmarketing.events;

import io.temporal.common.SearchAttributeKey;

/** Search attributes operators filter by in the Temporal Web UI (registered by the local stack as Keyword). */
public final class EventSearchAttributes {
    public static final SearchAttributeKey<String> STORE_ID = SearchAttributeKey.forKeyword("StoreId");
    public static final SearchAttributeKey<String> EVENT_STATUS = SearchAttributeKey.forKeyword("EventStatus");
    public static final SearchAttributeKey<String> OBJECTIVE = SearchAttributeKey.forKeyword("Objective");

    private EventSearchAttributes() {
    }
}
