package com.kt.eventmarketing.events;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Activities on the {@code core} task queue: the workflow's writes to PostgreSQL and the outbox. Each is
 * idempotent, so a retried activity leaves the same rows and at most one message per (event, kind, round).
 */
@ActivityInterface
public interface EventRecordActivities {

    /** Writes status, step and everything chosen so far. */
    @ActivityMethod
    void recordProgress(EventSnapshot snapshot);

    /** Writes the approved event and its channels, and queues {@code event.created}. */
    @ActivityMethod
    void recordApproval(EventSnapshot snapshot);

    /** Writes per-channel results and queues {@code distribution.completed} for this round. */
    @ActivityMethod
    void recordDistribution(EventSnapshot snapshot, int round);
}
