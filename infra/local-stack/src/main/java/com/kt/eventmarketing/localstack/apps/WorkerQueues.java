package com.kt.eventmarketing.localstack.apps;

import static com.kt.eventmarketing.shared.TaskQueues.AI;
import static com.kt.eventmarketing.shared.TaskQueues.CONTENT;
import static com.kt.eventmarketing.shared.TaskQueues.CORE;
import static com.kt.eventmarketing.shared.TaskQueues.DISTRIBUTION;
import static com.kt.eventmarketing.shared.TaskQueues.EVENT_WORKFLOW;

/** The {@code kt.worker.task-queues} values of the pools a stack from this repository runs. */
public final class WorkerQueues {
    /** One JVM polling every queue: the local default and the end-to-end tests. */
    public static final String ALL = String.join(",", EVENT_WORKFLOW, CORE, AI, CONTENT, DISTRIBUTION);
    /** Workflow tasks and the database / outbox writes. */
    public static final String FLOW = String.join(",", EVENT_WORKFLOW, CORE);
    /** The slow external calls: AI, images, channels. */
    public static final String ACTIVITIES = String.join(",", AI, CONTENT, DISTRIBUTION);

    private WorkerQueues() {
    }
}
