package com.kt.eventmarketing.events;

import io.temporal.workflow.Workflow;

import java.util.function.Consumer;

/** Writes what the workflow decided to PostgreSQL (and the status to its search attribute), through the core activities. */
final class EventRecorder {
    private final EventState state;
    private final EventRecordActivities records;
    private int distributionRound;

    EventRecorder(EventState state, EventRecordActivities records) {
        this.state = state;
        this.records = records;
    }

    void progress() {
        record(records::recordProgress);
    }

    /** Approval writes the row, its channels and {@code event.created} to the outbox in one transaction. */
    void approve() {
        settle(EventStatus.APPROVED, records::recordApproval);
    }

    void settle(EventStatus next) {
        settle(next, records::recordProgress);
    }

    /** Each round (the first distribution, every channel retry) is numbered, so its outbox message id is stable. */
    void distribution() {
        records.recordDistribution(state.snapshot(), ++distributionRound);
    }

    /**
     * A status change: search attribute first, then the database; Updates waiting on the status answer only
     * once the row is written, so a GET right after them shows the new status.
     */
    private void settle(EventStatus next, Consumer<EventSnapshot> write) {
        state.status = next;
        state.statusRecorded = false;
        Workflow.upsertTypedSearchAttributes(EventSearchAttributes.EVENT_STATUS.valueSet(next.name()));
        record(write);
        state.statusRecorded = true;
    }

    /**
     * Database writes run outside the planning scope: an owner's cancel stops the AI and image work, never a
     * write of state that has already happened.
     */
    private void record(Consumer<EventSnapshot> write) {
        EventSnapshot current = state.snapshot();
        Workflow.newDetachedCancellationScope(() -> write.accept(current)).run();
    }
}
