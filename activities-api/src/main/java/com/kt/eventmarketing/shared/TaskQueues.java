package com.kt.eventmarketing.shared;

/** Temporal task-queue names: the one place they are spelled. Worker pools are configured by these names. */
public final class TaskQueues {
    /** Workflow tasks of {@code EventCreationWorkflow}. */
    public static final String EVENT_WORKFLOW = "event-workflow";
    /** Trend analysis and recommendations (AI provider calls). */
    public static final String AI = "ai";
    /** Image generation. */
    public static final String CONTENT = "content";
    /** Channel publishing and retraction. */
    public static final String DISTRIBUTION = "distribution";
    /** Database and outbox writes, notifications. */
    public static final String CORE = "core";
    /**
     * The channel-statistics schedule's workflow and its activities, polled in the process that polls
     * {@link #DISTRIBUTION} so statistics calls share the channels' circuit breakers.
     */
    public static final String ANALYTICS = "analytics";

    public static final java.util.List<String> ALL = java.util.List.of(EVENT_WORKFLOW, AI, CONTENT, DISTRIBUTION, CORE, ANALYTICS);

    private TaskQueues() {
    }
}
