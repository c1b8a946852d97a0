package com.kt.eventmarketing.events;

import com.kt.eventmarketing.ai.Recommendation;
import com.kt.eventmarketing.ai.TrendAnalysis;
import com.kt.eventmarketing.content.GeneratedImage;
import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.participation.AutoDraw;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the workflow knows about its event and the snapshot that shows it (query, Update answers, database writes).
 * Plain workflow state: the flow, its validators and its channel work read and change it, nothing here calls Temporal.
 */
final class EventState {
    private static final List<EventStatus> FINAL = List.of(EventStatus.ENDED, EventStatus.CANCELLED, EventStatus.EXPIRED);

    EventCreationInput input;
    EventStatus status = EventStatus.DRAFT;
    EventStep step = EventStep.ANALYZING_TRENDS;
    TrendAnalysis trends;
    List<Recommendation> recommendations = List.of();
    Integer selectedRecommendation;
    String title;
    String prize;
    String participationMethod;
    Integer expectedParticipants;
    Long estimatedCost;
    Double expectedRoi;
    final PosterSet images = new PosterSet();
    String imageId;
    String imageUrl;
    String imageProvider;
    String guide;
    Colors colors;
    List<ChannelSelection> channels = List.of();
    Instant startAt;
    Instant endAt;
    AutoDraw autoDraw;
    final Map<ChannelType, ChannelDistribution> distribution = new EnumMap<>(ChannelType.class);
    String failureReason;

    boolean contentChosen;
    boolean channelsChosen;
    boolean publishRequested;
    boolean cancelRequested;
    boolean regenerating;
    boolean redrawing;
    /** Version 1 of "poster-pipeline" ({@link EventWorkflowVersions#posterPipeline()}), decided once per workflow. */
    boolean posterPipeline;
    /** The last status change is in PostgreSQL: Updates that change status answer only then. */
    boolean statusRecorded = true;

    boolean inFinalStatus() {
        return FINAL.contains(status);
    }

    /** The owner's pick; blank texts keep the recommendation's own. */
    void select(RecommendationChoice choice) {
        Recommendation picked = recommendations.get(choice.index());
        selectedRecommendation = choice.index();
        title = orDefault(choice.title(), picked.title());
        prize = orDefault(choice.prize(), picked.prize());
        participationMethod = orDefault(choice.participationMethod(), picked.participationMethod());
        expectedParticipants = picked.expectedParticipants();
        estimatedCost = picked.estimatedCost();
        expectedRoi = picked.expectedRoi();
    }

    /** A new image set: the owner picks again. */
    void forgetPickedImage() {
        imageId = null;
        imageUrl = null;
        imageProvider = null;
        contentChosen = false;
    }

    void chooseContent(ContentChoice choice, GeneratedImage image) {
        imageId = image.imageId();
        imageUrl = image.url();
        imageProvider = image.provider();
        title = choice.title();
        prize = choice.prize();
        guide = choice.guide();
        colors = choice.colors();
        contentChosen = true;
    }

    void chooseChannels(ChannelChoice choice) {
        channels = List.copyOf(choice.channels());
        startAt = choice.startAt();
        endAt = choice.endAt();
        autoDraw = choice.autoDraw();
        channelsChosen = true;
    }

    EventSnapshot snapshot() {
        return new EventSnapshot(input.eventId(), input.ownerId(), input.storeId(), input.storeName(), input.objective(),
                status, step, trends, recommendations, selectedRecommendation, title, prize, participationMethod,
                expectedParticipants, estimatedCost, expectedRoi, images.shown(), imageId, imageUrl, imageProvider, guide, colors,
                channels, startAt, endAt, List.copyOf(distribution.values()), failureReason);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
