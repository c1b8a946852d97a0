package com.kt.eventmarketing.events;

import io.temporal.workflow.Workflow;

/**
 * The {@code Workflow.getVersion} change ids of the event workflow (docs/workflow-versioning.md). Each call records a
 * marker, so the flow calls them exactly where it always did; histories of every version replay in the build.
 */
final class EventWorkflowVersions {
    private EventWorkflowVersions() {
    }

    /**
     * Version 1 of the lifecycle: seed commitment at the start, automatic draw, notifications and purge after
     * the end. Workflows that were already running when it was added end as before.
     */
    static boolean runsParticipationLifecycle() {
        return Workflow.getVersion("participation-lifecycle", Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    /**
     * Version 1: every way an event ends other than ENDED (cancelled, also while ACTIVE; expired; failed) purges the
     * entrants' personal data at once. Before it, only a normal end purged.
     */
    static boolean purgesOnEveryEnd() {
        return Workflow.getVersion("purge-on-every-end", Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    /**
     * Version 1: publish and cancel answer once the new status is in PostgreSQL (before, they answered as soon
     * as the workflow changed it, so a GET right after could still show the old row). Histories recorded
     * before the change replay on the old branch.
     */
    static boolean answersAfterStatusIsRecorded() {
        return Workflow.getVersion("answer-after-status-recorded", Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    /**
     * Version 1 of the poster pipeline: three square style previews instead of nine images, the chosen preview
     * re-drawn with every edit, and at approval one poster per chosen channel in its size. Decided once, when the
     * images step starts, in the main workflow thread: the Update handlers and the channel posts read the result.
     * (A getVersion inside a handler can yield, which reorders the commands of histories recorded before it;
     * and a workflow whose images step ran before this change keeps its nine images and old behaviour to the end.)
     */
    static boolean posterPipeline() {
        return Workflow.getVersion("poster-pipeline", Workflow.DEFAULT_VERSION, 1) >= 1;
    }
}
