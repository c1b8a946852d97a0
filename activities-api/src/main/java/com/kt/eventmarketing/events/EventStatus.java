package com.kt.eventmarketing.events;

/** Lifecycle status of an event, kept in PostgreSQL and mirrored in the workflow's EventStatus search attribute. */
public enum EventStatus {
    DRAFT, APPROVED, ACTIVE, ENDED, CANCELLED, EXPIRED
}
