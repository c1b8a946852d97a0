package com.kt.eventmarketing.analytics;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

import java.util.List;

/**
 * Channel statistics polling, run on the {@code analytics} task queue in the process that polls {@code distribution}
 * (so the same per-channel circuit breakers as publishing). Driven every 5 minutes by the {@code analytics-channel-stats} Temporal Schedule.
 */
@ActivityInterface
public interface ChannelStatsActivities {

    /** Ids of the events that are ACTIVE now. */
    @ActivityMethod(name = "AnalyticsActiveEvents")
    List<Long> activeEventsForStats();

    /**
     * Pulls the statistics of every published channel of the event. A channel that fails keeps its last value, marked
     * stale with the failure time; the activity itself only fails when the database does.
     */
    @ActivityMethod(name = "AnalyticsPollChannelStats")
    PollResult pollChannelStats(long eventId);

    record PollResult(long eventId, int fetched, int failed) {
    }
}
