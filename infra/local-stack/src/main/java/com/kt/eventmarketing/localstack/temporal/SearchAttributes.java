package com.kt.eventmarketing.localstack.temporal;

import java.util.List;

/**
 * Custom search attributes the event workflow upserts (all Keyword). Every local Temporal server registers
 * them, because upserting an unregistered attribute fails the workflow task.
 */
public final class SearchAttributes {
    public static final List<String> KEYWORDS = List.of("StoreId", "EventStatus", "Objective");

    private SearchAttributes() {
    }
}
