package com.kt.eventmarketing.analytics;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic: lists the ACTIVE events, then polls them in groups of {@link #PARALLEL} (each channel call is
 * behind its breaker and bulkhead in the activity). A round that runs long is skipped by the schedule's overlap
 * policy rather than piling up.
 */
public class ChannelStatsPollWorkflowImpl implements ChannelStatsPollWorkflow {
    static final int PARALLEL = 20;

    private final ChannelStatsActivities activities = Workflow.newActivityStub(ChannelStatsActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(2))
                            .setMaximumAttempts(3).build())
                    .build());

    @Override
    public int pollActiveEvents() {
        List<Long> events = activities.activeEventsForStats();
        for (int from = 0; from < events.size(); from += PARALLEL) {
            List<Promise<ChannelStatsActivities.PollResult>> round = new ArrayList<>();
            for (Long eventId : events.subList(from, Math.min(events.size(), from + PARALLEL))) {
                round.add(Async.function(activities::pollChannelStats, eventId));
            }
            for (Promise<ChannelStatsActivities.PollResult> result : round) {
                try {
                    result.get();
                } catch (RuntimeException e) {
                    Workflow.getLogger(ChannelStatsPollWorkflowImpl.class).warn("statistics round: {}", e.getMessage());
                }
            }
        }
        return events.size();
    }
}
