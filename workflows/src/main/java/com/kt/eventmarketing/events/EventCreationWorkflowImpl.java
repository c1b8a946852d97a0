package com.kt.eventmarketing.events;

import com.kt.eventmarketing.ai.AiPlanningActivities;
import com.kt.eventmarketing.ai.Recommendation;
import com.kt.eventmarketing.ai.RecommendationRequest;
import com.kt.eventmarketing.ai.TrendAnalysis;
import com.kt.eventmarketing.ai.TrendRequest;
import com.kt.eventmarketing.content.ChannelPosterRequest;
import com.kt.eventmarketing.content.GeneratedImage;
import com.kt.eventmarketing.content.ImageGenerationActivities;
import com.kt.eventmarketing.content.ImageRequest;
import com.kt.eventmarketing.content.PosterRequest;
import com.kt.eventmarketing.distribution.ChannelPublishActivities;
import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelRetractRequest;
import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.participation.AutoDraw;
import com.kt.eventmarketing.participation.ParticipationActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Deterministic: no I/O, clock or randomness except through {@link Workflow}. Every change here must keep the
 * replay tests green or be guarded with {@code Workflow.getVersion} (docs/workflow-versioning.md).
 */
public class EventCreationWorkflowImpl implements EventCreationWorkflow {
    private static final Logger log = Workflow.getLogger(EventCreationWorkflowImpl.class);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final List<EventStatus> FINAL = List.of(EventStatus.ENDED, EventStatus.CANCELLED, EventStatus.EXPIRED);

    private final AiPlanningActivities ai = Workflow.newActivityStub(AiPlanningActivities.class, EventActivityOptions.AI);
    private final ImageGenerationActivities content = Workflow.newActivityStub(ImageGenerationActivities.class, EventActivityOptions.CONTENT);
    private final ChannelPublishActivities channelsApi = Workflow.newActivityStub(ChannelPublishActivities.class, EventActivityOptions.DISTRIBUTION);
    private final EventRecordActivities records = Workflow.newActivityStub(EventRecordActivities.class, EventActivityOptions.CORE);
    private final ParticipationActivities participation = Workflow.newActivityStub(ParticipationActivities.class, EventActivityOptions.CORE);

    private EventCreationInput input;
    private EventStatus status = EventStatus.DRAFT;
    private EventStep step = EventStep.ANALYZING_TRENDS;
    private TrendAnalysis trends;
    private List<Recommendation> recommendations = List.of();
    private Integer selectedRecommendation;
    private String title;
    private String prize;
    private String participationMethod;
    private Integer expectedParticipants;
    private Long estimatedCost;
    private Double expectedRoi;
    private final PosterSet images = new PosterSet();
    private String imageId;
    private String imageUrl;
    private String imageProvider;
    private String guide;
    private Colors colors;
    private List<ChannelSelection> channels = List.of();
    private Instant startAt;
    private Instant endAt;
    private AutoDraw autoDraw;
    private final Map<ChannelType, ChannelDistribution> distribution = new EnumMap<>(ChannelType.class);
    private String failureReason;

    private boolean contentChosen;
    private boolean channelsChosen;
    private boolean publishRequested;
    private boolean cancelRequested;
    private boolean regenerating;
    private boolean redrawing;
    /** Version 1 of "poster-pipeline"; see {@link #decidePosterPipeline()}. */
    private boolean posterPipeline;
    /** The last status change is in PostgreSQL: Updates that change status answer only then. */
    private boolean statusRecorded = true;
    private CancellationScope planning;
    private int distributionRound;

    @Override
    public EventSnapshot run(EventCreationInput input) {
        this.input = input;
        if (planUntilApproved()) {
            distribute();
            runSchedule();
        }
        if (cancelRequested && !FINAL.contains(status)) {
            cancelEvent();
        }
        if (status != EventStatus.ENDED && purgesOnEveryEnd()) {
            // cancelled while running, expired or failed: nobody's entry is needed any more (an ENDED event purges
            // on its own timers, after the draw and the prize period)
            participation.purgePersonalData(input.eventId(), true);
        }
        // Updates still running (a channel retry, a cancel waiting for its answer) finish before we close.
        Workflow.await(Workflow::isEveryHandlerFinished);
        return snapshot();
    }

    // ---- phases ------------------------------------------------------------------------------------------

    /** AI plan and the owner's choices, up to approval. Cancel interrupts it; silence expires it. */
    private boolean planUntilApproved() {
        planning = Workflow.newCancellationScope(() -> {
            TrendRequest request = new TrendRequest(input.eventId(), input.storeName(), input.businessType(),
                    input.region(), input.address(), season(), input.objective());
            trends = ai.analyzeTrends(request);
            recommendations = List.copyOf(ai.recommendEvents(new RecommendationRequest(request, trends)));
            moveTo(EventStep.SELECT_RECOMMENDATION);
            record(records::recordProgress);
            if (!awaitOwner(() -> selectedRecommendation != null)) {
                return;
            }
            moveTo(EventStep.GENERATING_IMAGES);
            decidePosterPipeline();
            images.replace(generateImageSet());
            moveTo(EventStep.EDIT_CONTENT);
            record(records::recordProgress);
            if (!awaitOwner(() -> contentChosen)) {
                return;
            }
            moveTo(EventStep.SELECT_CHANNELS);
            record(records::recordProgress);
            if (!awaitOwner(() -> channelsChosen)) {
                return;
            }
            moveTo(EventStep.READY_TO_PUBLISH);
            record(records::recordProgress);
            if (!awaitOwner(() -> publishRequested)) {
                return;
            }
            settle(EventStatus.APPROVED, records::recordApproval);
        });
        try {
            planning.run();
        } catch (CanceledFailure e) {
            log.info("event {} cancelled while planning", input.eventId());
        } catch (ActivityFailure e) {
            if (!cancelRequested) {
                failureReason = rootMessage(e);
                moveTo(EventStep.FAILED);
                settle(EventStatus.CANCELLED, records::recordProgress);
                log.warn("event {} failed while planning: {}", input.eventId(), failureReason);
                return false;
            }
        } finally {
            planning = null;
        }
        if (status == EventStatus.DRAFT && !cancelRequested) {
            moveTo(EventStep.EXPIRED);
            settle(EventStatus.EXPIRED, records::recordProgress);
            log.info("event {} expired after {} without the owner", input.eventId(), input.draftExpiry());
        }
        return status == EventStatus.APPROVED;
    }

    /** Every chosen channel in parallel; a failing channel is recorded and does not hold back the others. */
    private void distribute() {
        moveTo(EventStep.DISTRIBUTING);
        List<Promise<Void>> posts = new ArrayList<>();
        for (ChannelSelection selection : channels) {
            posts.add(Async.procedure(this::publishChannel, selection));
        }
        Promise.allOf(posts).get();
        moveTo(EventStep.SCHEDULED);
        records.recordDistribution(snapshot(), ++distributionRound);
    }

    /** Durable timers: ACTIVE at the start time, ENDED at the end time. */
    private void runSchedule() {
        if (!sleepUntil(startAt)) {
            return;
        }
        moveTo(EventStep.ACTIVE);
        settle(EventStatus.ACTIVE, records::recordProgress);
        if (runsParticipationLifecycle()) {
            participation.commitDrawSeed(input.eventId());
        }
        if (!sleepUntil(endAt)) {
            return;
        }
        moveTo(EventStep.ENDED);
        settle(EventStatus.ENDED, records::recordProgress);
        if (runsParticipationLifecycle()) {
            drawAndPurge();
        }
    }

    /**
     * After the end: the automatic draw and winner notifications when the owner asked for them, then the
     * privacy purge on durable timers (non-winners first, winners after the prize period).
     */
    private void drawAndPurge() {
        if (autoDraw != null) {
            int winners = participation.drawWinners(input.eventId(), autoDraw);
            if (winners > 0) {
                participation.notifyWinners(input.eventId());
            }
            log.info("event {}: {} winners drawn automatically", input.eventId(), winners);
        }
        Workflow.sleep(input.nonWinnerRetention());
        participation.purgePersonalData(input.eventId(), false);
        Workflow.sleep(input.winnerRetention().minus(input.nonWinnerRetention()));
        participation.purgePersonalData(input.eventId(), true);
    }

    /** Compensation: take back what was published where the channel allows it, then mark the event cancelled. */
    private void cancelEvent() {
        List<Promise<Void>> retractions = new ArrayList<>();
        for (ChannelDistribution d : List.copyOf(distribution.values())) {
            if (d.status() == DistributionStatus.PUBLISHED && d.channel().retractable()) {
                retractions.add(Async.procedure(this::retractChannel, d));
            }
        }
        Promise.allOf(retractions).get();
        moveTo(EventStep.CANCELLED);
        settle(EventStatus.CANCELLED, records::recordProgress);
        log.info("event {} cancelled", input.eventId());
    }

    // ---- Updates -----------------------------------------------------------------------------------------

    @Override
    public void validateSelectRecommendation(RecommendationChoice choice) {
        requireStep(EventStep.SELECT_RECOMMENDATION);
        if (choice == null || choice.index() < 0 || choice.index() >= recommendations.size()) {
            throw new IllegalArgumentException("index: must be between 0 and " + (recommendations.size() - 1));
        }
    }

    @Override
    public EventSnapshot selectRecommendation(RecommendationChoice choice) {
        Recommendation picked = recommendations.get(choice.index());
        selectedRecommendation = choice.index();
        title = orDefault(choice.title(), picked.title());
        prize = orDefault(choice.prize(), picked.prize());
        participationMethod = orDefault(choice.participationMethod(), picked.participationMethod());
        expectedParticipants = picked.expectedParticipants();
        estimatedCost = picked.estimatedCost();
        expectedRoi = picked.expectedRoi();
        Workflow.upsertMemo(Map.of("title", title));
        return snapshot();
    }

    @Override
    public void validateRegenerateImages() {
        requireStep(EventStep.EDIT_CONTENT);
        if (regenerating || redrawing) {
            throw new IllegalStateException("images are being generated already");
        }
    }

    @Override
    public EventSnapshot regenerateImages() {
        regenerating = true;
        try {
            images.replace(generateImageSet());
            imageId = null;
            imageUrl = null;
            imageProvider = null;
            contentChosen = false;
            record(records::recordProgress);
        } finally {
            regenerating = false;
        }
        return snapshot();
    }

    @Override
    public void validateEditContent(ContentChoice choice) {
        requireStep(EventStep.EDIT_CONTENT, EventStep.SELECT_CHANNELS, EventStep.READY_TO_PUBLISH);
        if (regenerating) {
            throw new IllegalStateException("images are being generated; pick one when they are ready");
        }
        if (redrawing) {
            throw new IllegalStateException("the preview is being re-drawn with the last edit; send this one when it is shown");
        }
        if (choice == null || images.previewOf(choice.imageId()) == null) {
            throw new IllegalArgumentException("imageId: must be one of the generated images");
        }
    }

    /**
     * With the poster pipeline ({@link #decidePosterPipeline()}), the chosen style's preview is re-drawn with the
     * owner's words and colours and shown under a new image id (the images he saw before keep their ids and bytes);
     * before it, the pick was taken as is.
     */
    @Override
    public EventSnapshot editContent(ContentChoice choice) {
        GeneratedImage preview = images.previewOf(choice.imageId());
        GeneratedImage image = preview;
        if (posterPipeline) {
            redrawing = true;
            try {
                image = content.renderPreview(new PosterRequest(input.eventId(), preview, input.storeName(),
                        choice.title(), choice.prize(), choice.guide(), choice.colors(), startAt, endAt));
            } finally {
                redrawing = false;
            }
            images.redrawn(preview, image);
        }
        imageId = image.imageId();
        imageUrl = image.url();
        imageProvider = image.provider();
        title = choice.title();
        prize = choice.prize();
        guide = choice.guide();
        colors = choice.colors();
        contentChosen = true;
        Workflow.upsertMemo(Map.of("title", title));
        return snapshot();
    }

    @Override
    public void validateChooseChannels(ChannelChoice choice) {
        requireStep(EventStep.SELECT_CHANNELS, EventStep.READY_TO_PUBLISH);
        if (choice == null || choice.channels() == null || choice.channels().isEmpty()) {
            throw new IllegalArgumentException("channels: choose at least one channel");
        }
        if (choice.channels().stream().map(ChannelSelection::type).distinct().count() != choice.channels().size()) {
            throw new IllegalArgumentException("channels: each channel may appear once");
        }
        validatePeriod(choice.startAt(), choice.endAt());
        AutoDraw draw = choice.autoDraw();
        if (draw != null) {
            draw.requireValid();
        }
    }

    @Override
    public EventSnapshot chooseChannels(ChannelChoice choice) {
        channels = List.copyOf(choice.channels());
        startAt = choice.startAt();
        endAt = choice.endAt();
        autoDraw = choice.autoDraw();
        channelsChosen = true;
        return snapshot();
    }

    @Override
    public void validatePublish() {
        requireStep(EventStep.READY_TO_PUBLISH);
        if (!contentChosen || imageId == null || redrawing) {
            throw new IllegalStateException("content: pick an image and the texts first");
        }
        if (channels.isEmpty()) {
            throw new IllegalStateException("channels: choose at least one channel first");
        }
        validatePeriod(startAt, endAt);
    }

    @Override
    public EventSnapshot publish() {
        publishRequested = true;
        if (answersAfterStatusIsRecorded()) {
            Workflow.await(() -> status != EventStatus.DRAFT && statusRecorded);
        } else {
            Workflow.await(() -> status != EventStatus.DRAFT || step == EventStep.FAILED);
        }
        return snapshot();
    }

    @Override
    public void validateRetryChannel(ChannelType channel) {
        if (status != EventStatus.APPROVED && status != EventStatus.ACTIVE || cancelRequested) {
            throw new IllegalStateException("channels can be retried while the event is approved or active");
        }
        ChannelDistribution d = channel == null ? null : distribution.get(channel);
        if (d == null) {
            throw new IllegalArgumentException("channel: is not one of this event's channels");
        }
        if (d.status() != DistributionStatus.FAILED) {
            throw new IllegalStateException("channel " + channel + " is " + d.status() + ", only FAILED channels can be retried");
        }
    }

    @Override
    public EventSnapshot retryChannel(ChannelType channel) {
        ChannelSelection selection = channels.stream().filter(c -> c.type() == channel).findFirst().orElseThrow();
        publishChannel(selection);
        records.recordDistribution(snapshot(), ++distributionRound);
        return snapshot();
    }

    @Override
    public void validateCancel(String reason) {
        if (FINAL.contains(status) || cancelRequested) {
            throw new IllegalStateException("the event is already " + (cancelRequested ? "being cancelled" : status));
        }
    }

    @Override
    public EventSnapshot cancel(String reason) {
        cancelRequested = true;
        failureReason = reason;
        if (planning != null) {
            planning.cancel("cancelled by the owner");
        }
        if (answersAfterStatusIsRecorded()) {
            Workflow.await(() -> FINAL.contains(status) && statusRecorded);
        } else {
            Workflow.await(() -> FINAL.contains(status));
        }
        return snapshot();
    }

    @Override
    public EventSnapshot snapshot() {
        return new EventSnapshot(input.eventId(), input.ownerId(), input.storeId(), input.storeName(), input.objective(),
                status, step, trends, recommendations, selectedRecommendation, title, prize, participationMethod,
                expectedParticipants, estimatedCost, expectedRoi, images.shown(), imageId, imageUrl, imageProvider, guide, colors,
                channels, startAt, endAt, List.copyOf(distribution.values()), failureReason);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /**
     * Version 1 of the lifecycle: seed commitment at the start, automatic draw, notifications and purge after
     * the end. Workflows that were already running when it was added end as before.
     */
    private static boolean runsParticipationLifecycle() {
        return Workflow.getVersion("participation-lifecycle", Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    /**
     * Version 1: every way an event ends other than ENDED (cancelled, also while ACTIVE; expired; failed) purges the
     * entrants' personal data at once. Before it, only a normal end purged.
     */
    private static boolean purgesOnEveryEnd() {
        return Workflow.getVersion("purge-on-every-end", Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    /**
     * Version 1: publish and cancel answer once the new status is in PostgreSQL (before, they answered as soon
     * as the workflow changed it, so a GET right after could still show the old row). Histories recorded
     * before the change replay on the old branch.
     */
    private static boolean answersAfterStatusIsRecorded() {
        return Workflow.getVersion("answer-after-status-recorded", Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    /**
     * Version 1 of the poster pipeline: three square style previews instead of nine images, the chosen preview
     * re-drawn with every edit, and at approval one poster per chosen channel in its size. Decided once, when the
     * images step starts, in the main workflow thread: the Update handlers and the channel posts read the field.
     * (A getVersion inside a handler can yield, which reorders the commands of histories recorded before it;
     * and a workflow whose images step ran before this change keeps its nine images and old behaviour to the end.)
     */
    private void decidePosterPipeline() {
        posterPipeline = Workflow.getVersion("poster-pipeline", Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    private List<GeneratedImage> generateImageSet() {
        return posterPipeline ? content.generatePreviews(imageRequest()) : content.generateImages(imageRequest());
    }

    /**
     * The channel's own poster, drawn once (a retry of the channel reuses it); null for the ring-back tone. Before
     * the poster pipeline every channel got the picked image.
     */
    private String posterFor(ChannelType channel) {
        if (!posterPipeline) {
            return imageUrl;
        }
        if (!channel.showsPoster()) {
            return null;
        }
        GeneratedImage poster = images.poster(channel);
        if (poster == null) {
            poster = content.renderChannelPoster(new ChannelPosterRequest(new PosterRequest(input.eventId(),
                    images.previewOf(imageId), input.storeName(), title, prize, guide, colors, startAt, endAt), channel));
            images.poster(channel, poster);
        }
        return poster.url();
    }

    private void publishChannel(ChannelSelection selection) {
        ChannelType channel = selection.type();
        ChannelDistribution before = distribution.get(channel);
        int attempts = before == null ? 1 : before.attempts() + 1;
        GeneratedImage drawn = images.poster(channel);
        distribution.put(channel, new ChannelDistribution(channel, DistributionStatus.PUBLISHING, attempts, null, null,
                null, drawn == null ? null : drawn.url()));
        String poster = null;
        try {
            poster = posterFor(channel);
            ChannelPublishResult result = channelsApi.publish(new ChannelPublishRequest(input.eventId(), channel,
                    selection.settings() == null ? Map.of() : selection.settings(), input.storeName(), title, prize, guide,
                    poster, input.participationUrl(), startAt, endAt));
            distribution.put(channel, new ChannelDistribution(channel, DistributionStatus.PUBLISHED, attempts, null,
                    result.externalId(), result.postUrl(), poster));
        } catch (ActivityFailure e) {
            distribution.put(channel, new ChannelDistribution(channel, DistributionStatus.FAILED, attempts, rootMessage(e),
                    null, null, poster));
            log.warn("event {} channel {} failed: {}", input.eventId(), channel, rootMessage(e));
        }
    }

    private void retractChannel(ChannelDistribution published) {
        try {
            channelsApi.retract(new ChannelRetractRequest(input.eventId(), published.channel(), published.externalId()));
            distribution.put(published.channel(), new ChannelDistribution(published.channel(), DistributionStatus.RETRACTED,
                    published.attempts(), null, published.externalId(), published.postUrl(), published.imageUrl()));
        } catch (ActivityFailure e) {
            // The event is cancelled either way; the post stays and the owner sees why.
            distribution.put(published.channel(), new ChannelDistribution(published.channel(), DistributionStatus.PUBLISHED,
                    published.attempts(), "retract failed: " + rootMessage(e), published.externalId(), published.postUrl(),
                    published.imageUrl()));
        }
    }

    private ImageRequest imageRequest() {
        return new ImageRequest(input.eventId(), input.storeName(), input.businessType(), title, prize, input.participationUrl());
    }

    /** Waits for the owner; false when the draft expired. A cancel interrupts the wait through the scope. */
    private boolean awaitOwner(Supplier<Boolean> condition) {
        return Workflow.await(input.draftExpiry(), () -> condition.get() || cancelRequested) && !cancelRequested;
    }

    /** Sleeps until the instant unless the owner cancels; true when the time came. */
    private boolean sleepUntil(Instant when) {
        Duration wait = Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), when);
        if (wait.isNegative() || wait.isZero()) {
            return !cancelRequested;
        }
        Workflow.await(wait, () -> cancelRequested);
        return !cancelRequested;
    }

    private void validatePeriod(Instant start, Instant end) {
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
        if (cancelRequested) {
            throw new IllegalStateException("the event is being cancelled");
        }
        for (EventStep s : allowed) {
            if (s == step) {
                return;
            }
        }
        throw new IllegalStateException("not possible at step " + step + " (allowed at " + List.of(allowed) + ")");
    }

    private void moveTo(EventStep next) {
        step = next;
    }

    /**
     * A status change: search attribute first, then the database; Updates waiting on the status answer only
     * once the row is written, so a GET right after them shows the new status.
     */
    private void settle(EventStatus next, Consumer<EventSnapshot> write) {
        status = next;
        statusRecorded = false;
        Workflow.upsertTypedSearchAttributes(EventSearchAttributes.EVENT_STATUS.valueSet(next.name()));
        record(write);
        statusRecorded = true;
    }

    /**
     * Database writes run outside the planning scope: an owner's cancel stops the AI and image work, never a
     * write of state that has already happened.
     */
    private void record(Consumer<EventSnapshot> write) {
        EventSnapshot current = snapshot();
        Workflow.newDetachedCancellationScope(() -> write.accept(current)).run();
    }

    private String season() {
        int month = Instant.ofEpochMilli(Workflow.currentTimeMillis()).atZone(SEOUL).getMonthValue();
        return switch (month) {
            case 3, 4, 5 -> "봄";
            case 6, 7, 8 -> "여름";
            case 9, 10, 11 -> "가을";
            default -> "겨울";
        };
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
