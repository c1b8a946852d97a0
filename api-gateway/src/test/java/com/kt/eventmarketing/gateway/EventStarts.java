package com.kt.eventmarketing.gateway;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 202 of {@code POST /api/v1/events} does not wait for Temporal: the workflow is started right after the commit.
 * Tests that change an event (an Update) wait for that start first; before it, a change is a deliberate 503
 * ("Event starting").
 */
public final class EventStarts {
    private EventStarts() {
    }

    /** Polls the event's detail until it no longer says {@code starting} (bounded: 30 s). */
    public static void awaitWorkflowStarted(ApiClient api, String token, long eventId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (api.get("/api/v1/events/" + eventId, token).json().get("starting").asBoolean()) {
            assertThat(System.nanoTime()).as("the workflow of event %d did not start", eventId).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
