package com.kt.eventmarketing.analytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Response bodies of the analytics API. Rates are percentages rounded to one decimal. */
public final class AnalyticsViews {
    private AnalyticsViews() {
    }

    public record Summary(long eventId, String title, String status, long version, Instant updatedAt, Cards cards,
                          Comparison comparison) {
    }

    public record Cards(ParticipantsCard participants, ImpressionsCard impressions, RoiCard roi, SalesGrowthCard salesGrowth) {
    }

    /** {@code achievementRate} = participants / expected × 100; null when the plan had no expected number. */
    public record ParticipantsCard(long count, Integer expected, Double achievementRate) {
    }

    /**
     * Sum over channels of the last pulled statistics; {@code stale} when any channel's last pull failed.
     * {@code views} adds the customer page's views, {@code pageViews} (one per visitor per day, {@code events.view_count}).
     */
    public record ImpressionsCard(long total, long views, long pageViews, boolean stale, Instant asOf) {
    }

    /** Expected ROI of the chosen plan against the average expected ROI of other events of the same business type. */
    public record RoiCard(Double expected, Double businessTypeAverage, Double difference, String businessType,
                          long comparedEvents) {
    }

    /** Always null until a sales data source (POS) is connected; {@code reason} says why. */
    public record SalesGrowthCard(Double value, String reason) {
    }

    public record Comparison(int earlierEvents, Double averageParticipants, Double participantsChange,
                             Double averageImpressions, Double averageAchievementRate, List<EarlierEvent> events) {
    }

    public record EarlierEvent(long eventId, String title, String status, Instant createdAt, long participants,
                               Integer expectedParticipants, Double achievementRate, long impressions) {
    }

    public record Channels(long eventId, List<Channel> channels, List<EntryPath> entryPaths) {
    }

    /**
     * @param conversionRate participants who entered through this channel per view (or impression) × 100
     */
    public record Channel(String channel, String distributionStatus, Long impressions, Long views, Long clicks,
                          Long calls, Long completedCalls, Double averageCallSeconds, long participants,
                          Double conversionRate, Stats stats) {
    }

    /** Freshness of the channel's statistics: {@code ageSeconds} since the last successful pull. */
    public record Stats(Instant measuredAt, Instant fetchedAt, boolean stale, Long ageSeconds, Instant lastFailureAt,
                        String lastError) {
    }

    public record EntryPath(String entryPath, long participants, Double share) {
    }

    public record Timeline(long eventId, String granularity, String zone, List<Bucket> buckets, List<HourOfDay> hourOfDay) {
    }

    public record Bucket(OffsetDateTime start, long participants) {
    }

    public record HourOfDay(int hour, long participants) {
    }
}
