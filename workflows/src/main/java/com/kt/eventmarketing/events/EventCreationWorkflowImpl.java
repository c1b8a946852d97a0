package com.kt.eventmarketing.events;

import com.kt.eventmarketing.ai.AiPlanningActivities;
import com.kt.eventmarketing.ai.RecommendationRequest;
import com.kt.eventmarketing.ai.TrendRequest;
import com.kt.eventmarketing.content.ImageGenerationActivities;
import com.kt.eventmarketing.distribution.ChannelPublishActivities;
import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.participation.ParticipationActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.kt.eventmarketing.events.EventWorkflowVersions.answersAfterStatusIsRecorded;
import static com.kt.eventmarketing.events.EventWorkflowVersions.purgesOnEveryEnd;
import static com.kt.eventmarketing.events.EventWorkflowVersions.runsParticipationLifecycle;

/**
 * The flow of one event, top to bottom: plan, approve, distribute, run, end. Its state, Update validators, database
 * writes, images and channel work are beside it ({@link EventState}, {@link UpdateValidators}, {@link EventRecorder},
 * {@link PosterWork}, {@link ChannelPublisher}, {@link ParticipationLifecycle}). Deterministic: no I/O, clock or
 * randomness except through {@link Workflow}; every change must keep the replay tests green or be guarded with
 * {@code Workflow.getVersion} ({@link EventWorkflowVersions}, docs/workflow-versioning.md).
 */
public class EventCreationWorkflowImpl implements EventCreationWorkflow {
    private static final Logger log = Workflow.getLogger(EventCreationWorkflowImpl.class);

    private final AiPlanningActivities ai = Workflow.newActivityStub(AiPlanningActivities.class, EventActivityOptions.AI);
    private final ImageGenerationActivities content = Workflow.newActivityStub(ImageGenerationActivities.class, EventActivityOptions.CONTENT);

    private final EventState state = new EventState();
    private final UpdateValidators validate = new UpdateValidators(state);
    private final EventRecorder recorder = new EventRecorder(state,
            Workflow.newActivityStub(EventRecordActivities.class, EventActivityOptions.CORE));
    private final ParticipationLifecycle participation = new ParticipationLifecycle(state,
            Workflow.newActivityStub(ParticipationActivities.class, EventActivityOptions.CORE));
    private final PosterWork posters = new PosterWork(state, content);
    private final ChannelPublisher channels = new ChannelPublisher(state,
            Workflow.newActivityStub(ChannelPublishActivities.class, EventActivityOptions.DISTRIBUTION), content);
    private CancellationScope planning;

    @Override
    public EventSnapshot run(EventCreationInput input) {
        state.input = input;
        if (planUntilApproved()) {
            distribute();
            runSchedule();
        }
        if (state.cancelRequested && !state.inFinalStatus()) {
            cancelEvent();
        }
        if (state.status != EventStatus.ENDED && purgesOnEveryEnd()) {
            // cancelled while running, expired or failed: nobody's entry is needed any more (an ENDED event purges
            // on its own timers, after the draw and the prize period)
            participation.purgeEveryone();
        }
        // Updates still running (a channel retry, a cancel waiting for its answer) finish before we close.
        Workflow.await(Workflow::isEveryHandlerFinished);
        return snapshot();
    }

    // ---- phases ------------------------------------------------------------------------------------------

    /** AI plan and the owner's choices, up to approval. Cancel interrupts it; silence expires it. */
    private boolean planUntilApproved() {
        EventCreationInput input = state.input;
        planning = Workflow.newCancellationScope(() -> {
            TrendRequest request = new TrendRequest(input.eventId(), input.storeName(), input.businessType(),
                    input.region(), input.address(), Season.at(Workflow.currentTimeMillis()), input.objective());
            state.trends = ai.analyzeTrends(request);
            state.recommendations = List.copyOf(ai.recommendEvents(new RecommendationRequest(request, state.trends)));
            state.step = EventStep.SELECT_RECOMMENDATION;
            recorder.progress();
            if (!awaitOwner(() -> state.selectedRecommendation != null)) {
                return;
            }
            state.step = EventStep.GENERATING_IMAGES;
            state.posterPipeline = EventWorkflowVersions.posterPipeline();
            state.images.replace(posters.generateSet());
            state.step = EventStep.EDIT_CONTENT;
            recorder.progress();
            if (!awaitOwner(() -> state.contentChosen)) {
                return;
            }
            state.step = EventStep.SELECT_CHANNELS;
            recorder.progress();
            if (!awaitOwner(() -> state.channelsChosen)) {
                return;
            }
            state.step = EventStep.READY_TO_PUBLISH;
            recorder.progress();
            if (!awaitOwner(() -> state.publishRequested)) {
                return;
            }
            recorder.approve();
        });
        try {
            planning.run();
        } catch (CanceledFailure e) {
            log.info("event {} cancelled while planning", input.eventId());
        } catch (ActivityFailure e) {
            if (!state.cancelRequested) {
                state.failureReason = Failures.rootMessage(e);
                state.step = EventStep.FAILED;
                recorder.settle(EventStatus.CANCELLED);
                log.warn("event {} failed while planning: {}", input.eventId(), state.failureReason);
                return false;
            }
        } finally {
            planning = null;
        }
        if (state.status == EventStatus.DRAFT && !state.cancelRequested) {
            state.step = EventStep.EXPIRED;
            recorder.settle(EventStatus.EXPIRED);
            log.info("event {} expired after {} without the owner", input.eventId(), input.draftExpiry());
        }
        return state.status == EventStatus.APPROVED;
    }

    private void distribute() {
        state.step = EventStep.DISTRIBUTING;
        channels.publishAll();
        state.step = EventStep.SCHEDULED;
        recorder.distribution();
    }

    /** Durable timers: ACTIVE at the start time, ENDED at the end time. */
    private void runSchedule() {
        if (!sleepUntil(state.startAt)) {
            return;
        }
        state.step = EventStep.ACTIVE;
        recorder.settle(EventStatus.ACTIVE);
        if (runsParticipationLifecycle()) {
            participation.commitDrawSeed();
        }
        if (!sleepUntil(state.endAt)) {
            return;
        }
        state.step = EventStep.ENDED;
        recorder.settle(EventStatus.ENDED);
        if (runsParticipationLifecycle()) {
            participation.drawAndPurge();
        }
    }

    /** Compensation: take back what was published where the channel allows it, then mark the event cancelled. */
    private void cancelEvent() {
        channels.retractPublished();
        state.step = EventStep.CANCELLED;
        recorder.settle(EventStatus.CANCELLED);
        log.info("event {} cancelled", state.input.eventId());
    }

    // ---- Updates (validators in UpdateValidators) ----------------------------------------------------------

    @Override
    public void validateSelectRecommendation(RecommendationChoice choice) { validate.selectRecommendation(choice); }

    @Override
    public EventSnapshot selectRecommendation(RecommendationChoice choice) {
        state.select(choice);
        Workflow.upsertMemo(Map.of("title", state.title));
        return snapshot();
    }

    @Override
    public void validateRegenerateImages() { validate.regenerateImages(); }

    @Override
    public EventSnapshot regenerateImages() {
        state.regenerating = true;
        try {
            state.images.replace(posters.generateSet());
            state.forgetPickedImage();
            recorder.progress();
        } finally {
            state.regenerating = false;
        }
        return snapshot();
    }

    @Override
    public void validateEditContent(ContentChoice choice) { validate.editContent(choice); }

    @Override
    public EventSnapshot editContent(ContentChoice choice) {
        state.chooseContent(choice, posters.imageFor(choice));
        Workflow.upsertMemo(Map.of("title", state.title));
        return snapshot();
    }

    @Override
    public void validateChooseChannels(ChannelChoice choice) { validate.chooseChannels(choice); }

    @Override
    public EventSnapshot chooseChannels(ChannelChoice choice) {
        state.chooseChannels(choice);
        return snapshot();
    }

    @Override
    public void validatePublish() { validate.publish(); }

    @Override
    public EventSnapshot publish() {
        state.publishRequested = true;
        if (answersAfterStatusIsRecorded()) {
            Workflow.await(() -> state.status != EventStatus.DRAFT && state.statusRecorded);
        } else {
            Workflow.await(() -> state.status != EventStatus.DRAFT || state.step == EventStep.FAILED);
        }
        return snapshot();
    }

    @Override
    public void validateRetryChannel(ChannelType channel) { validate.retryChannel(channel); }

    @Override
    public EventSnapshot retryChannel(ChannelType channel) {
        ChannelSelection selection = state.channels.stream().filter(c -> c.type() == channel).findFirst().orElseThrow();
        channels.publish(selection);
        recorder.distribution();
        return snapshot();
    }

    @Override
    public void validateCancel(String reason) { validate.cancel(); }

    @Override
    public EventSnapshot cancel(String reason) {
        state.cancelRequested = true;
        state.failureReason = reason;
        if (planning != null) {
            planning.cancel("cancelled by the owner");
        }
        if (answersAfterStatusIsRecorded()) {
            Workflow.await(() -> state.inFinalStatus() && state.statusRecorded);
        } else {
            Workflow.await(state::inFinalStatus);
        }
        return snapshot();
    }

    @Override
    public EventSnapshot snapshot() {
        return state.snapshot();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** Waits for the owner; false when the draft expired. A cancel interrupts the wait through the scope. */
    private boolean awaitOwner(Supplier<Boolean> condition) {
        return Workflow.await(state.input.draftExpiry(), () -> condition.get() || state.cancelRequested) && !state.cancelRequested;
    }

    /** Sleeps until the instant unless the owner cancels; true when the time came. */
    private boolean sleepUntil(Instant when) {
        Duration wait = Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), when);
        if (wait.isNegative() || wait.isZero()) {
            return !state.cancelRequested;
        }
        Workflow.await(wait, () -> state.cancelRequested);
        return !state.cancelRequested;
    }
}
