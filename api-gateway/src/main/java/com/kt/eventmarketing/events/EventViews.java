package com.kt.eventmarketing.events;

import com.kt.eventmarketing.ai.Recommendation;
import com.kt.eventmarketing.ai.TrendAnalysis;
import com.kt.eventmarketing.content.GeneratedImage;
import com.kt.eventmarketing.events.persistence.EventRow;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Response bodies of the events API. */
public final class EventViews {
    private static final String STARTING = "true while the event's workflow has not been started yet (it starts after "
            + "the 202, within seconds); changes answer 503 with Retry-After until then";
    private EventViews() {
    }

    public record Created(long eventId, EventStatus status, EventStep step) {
    }

    /** {@code starting}: as in {@link Detail}. */
    public record Summary(long eventId, EventObjective objective, EventStatus status, EventStep step,
                          @Schema(description = STARTING) boolean starting,
                          String title, String prize, Instant startAt, Instant endAt, long viewCount, Instant createdAt) {
        static Summary of(EventRow row, boolean starting) {
            return new Summary(row.getId(), row.getObjective(), row.getStatus(), row.getStep(), starting, row.getTitle(),
                    row.getPrize(), row.getStartAt(), row.getEndAt(), row.getViewCount(), row.getCreatedAt());
        }
    }

    public record Page<T>(List<T> content, int page, int size, long totalElements) {
    }

    public record Dashboard(List<DashboardItem> active, List<DashboardItem> approved, List<DashboardItem> ended) {
    }

    /** A dashboard entry: the summary plus participant and view counts from the analytics projections. */
    public record DashboardItem(long eventId, EventObjective objective, EventStatus status, EventStep step, String title,
                                String prize, Instant startAt, Instant endAt, long participantCount, long viewCount,
                                Instant createdAt) {
        static DashboardItem of(EventRow row, long participants, long views) {
            return new DashboardItem(row.getId(), row.getObjective(), row.getStatus(), row.getStep(), row.getTitle(),
                    row.getPrize(), row.getStartAt(), row.getEndAt(), participants, views, row.getCreatedAt());
        }
    }

    public record Recommendations(long eventId, EventStep step, TrendAnalysis trends, List<Recommendation> recommendations,
                                  Integer selectedIndex) {
    }

    public record Images(long eventId, EventStep step, List<GeneratedImage> images, String selectedImageId) {
    }

    public record Distribution(long eventId, EventStatus status, List<ChannelDistribution> channels) {
    }

    /**
     * The database row merged with the workflow's live state. {@code live} is false when Temporal could not be
     * asked and only the row is shown. {@code starting} is true while the event's workflow has not been started yet
     * (the 202 does not wait for Temporal): the step is the row's first one and changes answer 503 until it starts.
     */
    public record Detail(long eventId, EventObjective objective, EventStatus status, EventStep step,
                         @Schema(description = "false: Temporal could not be asked, only the stored row is shown") boolean live,
                         @Schema(description = STARTING) boolean starting,
                         String title, String prize, String participationMethod, String guide,
                         Integer expectedParticipants, Long estimatedCost, Double expectedRoi,
                         String imageId, String imageUrl, String imageProvider, Colors colors,
                         List<ChannelSelection> channels, List<ChannelDistribution> distribution,
                         Instant startAt, Instant endAt, String failureReason, String participationUrl,
                         long viewCount, Instant createdAt, Instant updatedAt) {
    }
}
