package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.participation.AutoDraw;
import io.temporal.workflow.Workflow;

import java.time.Instant;
import java.util.List;

/**
 * The checks that run before an Update touches history: {@link IllegalStateException} for the wrong step,
 * {@link IllegalArgumentException} ("field: rule") for a bad value. They only read the state.
 */
final class UpdateValidators {
    private final EventState state;

    UpdateValidators(EventState state) {
        this.state = state;
    }

    void selectRecommendation(RecommendationChoice choice) {
        requireStep(EventStep.SELECT_RECOMMENDATION);
        if (choice == null || choice.index() < 0 || choice.index() >= state.recommendations.size()) {
            throw new IllegalArgumentException("index: must be between 0 and " + (state.recommendations.size() - 1));
        }
    }

    void regenerateImages() {
        requireStep(EventStep.EDIT_CONTENT);
        if (state.regenerating || state.redrawing) {
            throw new IllegalStateException("images are being generated already");
        }
    }

    void editContent(ContentChoice choice) {
        requireStep(EventStep.EDIT_CONTENT, EventStep.SELECT_CHANNELS, EventStep.READY_TO_PUBLISH);
        if (state.regenerating) {
            throw new IllegalStateException("images are being generated; pick one when they are ready");
        }
        if (state.redrawing) {
            throw new IllegalStateException("the preview is being re-drawn with the last edit; send this one when it is shown");
        }
        if (choice == null || state.images.previewOf(choice.imageId()) == null) {
            throw new IllegalArgumentException("imageId: must be one of the generated images");
        }
    }

    void chooseChannels(ChannelChoice choice) {
        requireStep(EventStep.SELECT_CHANNELS, EventStep.READY_TO_PUBLISH);
        if (choice == null || choice.channels() == null || choice.channels().isEmpty()) {
            throw new IllegalArgumentException("channels: choose at least one channel");
        }
        if (choice.channels().stream().map(ChannelSelection::type).distinct().count() != choice.channels().size()) {
            throw new IllegalArgumentException("channels: each channel may appear once");
        }
        period(choice.startAt(), choice.endAt());
        AutoDraw draw = choice.autoDraw();
        if (draw != null) {
            draw.requireValid();
        }
    }

    void publish() {
        requireStep(EventStep.READY_TO_PUBLISH);
        if (!state.contentChosen || state.imageId == null || state.redrawing) {
            throw new IllegalStateException("content: pick an image and the texts first");
        }
        if (state.channels.isEmpty()) {
            throw new IllegalStateException("channels: choose at least one channel first");
        }
        period(state.startAt, state.endAt);
    }

    void retryChannel(ChannelType channel) {
        if (state.status != EventStatus.APPROVED && state.status != EventStatus.ACTIVE || state.cancelRequested) {
            throw new IllegalStateException("channels can be retried while the event is approved or active");
        }
        ChannelDistribution d = channel == null ? null : state.distribution.get(channel);
        if (d == null) {
            throw new IllegalArgumentException("channel: is not one of this event's channels");
        }
        if (d.status() != DistributionStatus.FAILED) {
            throw new IllegalStateException("channel " + channel + " is " + d.status() + ", only FAILED channels can be retried");
        }
    }

    void cancel() {
        if (state.inFinalStatus() || state.cancelRequested) {
            throw new IllegalStateException("the event is already " + (state.cancelRequested ? "being cancelled" : state.status));
        }
    }

    private void period(Instant start, Instant end) {
        if (start == null) {
            throw new IllegalArgumentException("startAt: is required");
        }
        if (end == null) {
            throw new IllegalArgumentException("endAt: is required");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("endAt: must be after startAt");
        }
        if (!end.isAfter(Instant.ofEpochMilli(Workflow.currentTimeMillis()))) {
            throw new IllegalArgumentException("endAt: must be in the future");
        }
    }

    private void requireStep(EventStep... allowed) {
        if (state.cancelRequested) {
            throw new IllegalStateException("the event is being cancelled");
        }
        for (EventStep s : allowed) {
            if (s == state.step) {
                return;
            }
        }
        throw new IllegalStateException("not possible at step " + state.step + " (allowed at " + List.of(allowed) + ")");
    }
}
