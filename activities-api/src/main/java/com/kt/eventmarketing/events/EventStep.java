package com.kt.eventmarketing.events;

/** Where the event creation workflow stands; shown by GET /api/v1/events/{id} as {@code step}. */
public enum EventStep {
    ANALYZING_TRENDS,
    SELECT_RECOMMENDATION,
    GENERATING_IMAGES,
    EDIT_CONTENT,
    SELECT_CHANNELS,
    READY_TO_PUBLISH,
    DISTRIBUTING,
    SCHEDULED,
    ACTIVE,
    ENDED,
    CANCELLED,
    EXPIRED,
    FAILED
}
