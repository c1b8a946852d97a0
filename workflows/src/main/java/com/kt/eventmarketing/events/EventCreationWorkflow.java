package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelType;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One durable workflow per event (id {@code event-<eventId>}, task queue {@code event-workflow}): AI plan,
 * the owner's choices (Updates, validated before they touch state), images, approval, distribution, and the
 * timers that start and end the event.
 *
 * <p>Validators throw {@link IllegalStateException} for an Update at the wrong step and
 * {@link IllegalArgumentException} ("field: rule") for a bad value; a rejected Update leaves no trace in history.
 */
@WorkflowInterface
public interface EventCreationWorkflow {

    @WorkflowMethod
    EventSnapshot run(EventCreationInput input);

    @QueryMethod
    EventSnapshot snapshot();

    @UpdateMethod
    EventSnapshot selectRecommendation(RecommendationChoice choice);

    @UpdateValidatorMethod(updateName = "selectRecommendation")
    void validateSelectRecommendation(RecommendationChoice choice);

    /** Draws the images again (only while the owner is editing the content). */
    @UpdateMethod
    EventSnapshot regenerateImages();

    @UpdateValidatorMethod(updateName = "regenerateImages")
    void validateRegenerateImages();

    @UpdateMethod
    EventSnapshot editContent(ContentChoice choice);

    @UpdateValidatorMethod(updateName = "editContent")
    void validateEditContent(ContentChoice choice);

    @UpdateMethod
    EventSnapshot chooseChannels(ChannelChoice choice);

    @UpdateValidatorMethod(updateName = "chooseChannels")
    void validateChooseChannels(ChannelChoice choice);

    /** Readiness check and approval; distribution starts right after. */
    @UpdateMethod
    EventSnapshot publish();

    @UpdateValidatorMethod(updateName = "publish")
    void validatePublish();

    /** Publishes one failed channel again without touching the others; returns once that round is done. */
    @UpdateMethod
    EventSnapshot retryChannel(ChannelType channel);

    @UpdateValidatorMethod(updateName = "retryChannel")
    void validateRetryChannel(ChannelType channel);

    /** Cancels at any step before the end; published posts are retracted where the channel allows it. */
    @UpdateMethod
    EventSnapshot cancel(String reason);

    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel(String reason);
}
