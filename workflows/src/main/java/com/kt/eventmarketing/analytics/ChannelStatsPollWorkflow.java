package com.kt.eventmarketing.analytics;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One statistics round: every ACTIVE event's channels. Started every 5 minutes by the Temporal Schedule. */
@WorkflowInterface
public interface ChannelStatsPollWorkflow {

    @WorkflowMethod(name = "AnalyticsChannelStatsPoll")
    int pollActiveEvents();
}
