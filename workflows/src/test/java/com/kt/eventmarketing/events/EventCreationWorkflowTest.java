package com.kt.eventmarketing.events;

import com.kt.eventmarketing.content.ChannelPosterRequest;
import com.kt.eventmarketing.content.GeneratedImage;
import com.kt.eventmarketing.distribution.ChannelType;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCreationWorkflowTest {
    private final EventWorkflowHarness harness = new EventWorkflowHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void happyPathRunsFromPlanToEndWithDurableTimers() {
        EventCreationWorkflow workflow = harness.start(1);
        EventSnapshot plan = EventWorkflowHarness.awaitStep(workflow, EventStep.SELECT_RECOMMENDATION);
        assertThat(plan.recommendations()).hasSize(3);
        assertThat(plan.trends().summary()).contains("서울특별시").contains("음식점");

        EventSnapshot ready = harness.driveToReady(workflow, ChannelType.INSTAGRAM, ChannelType.RINGOBIZ);
        assertThat(ready.title()).isEqualTo("주말 치킨 파티");
        assertThat(ready.images()).as("one square preview per style").hasSize(3)
                .allSatisfy(image -> assertThat(image.platform()).isNull());
        assertThat(ready.imageId()).as("the edit re-drew the picked preview").contains("-r")
                .isEqualTo(ready.images().get(0).imageId());
        assertThat(harness.fakes.redrawnPreviews).singleElement()
                .satisfies(edit -> assertThat(edit.title()).isEqualTo("주말 치킨 파티"));
        assertThat(ready.expectedParticipants()).isEqualTo(101);

        EventSnapshot approved = workflow.publish();
        assertThat(approved.status()).isEqualTo(EventStatus.APPROVED);

        EventSnapshot scheduled = EventWorkflowHarness.awaitStep(workflow, EventStep.SCHEDULED);
        assertThat(scheduled.distribution()).extracting(ChannelDistribution::status)
                .containsOnly(DistributionStatus.PUBLISHED);
        assertThat(harness.fakes.published).extracting(r -> r.channel())
                .containsExactlyInAnyOrder(ChannelType.INSTAGRAM, ChannelType.RINGOBIZ);
        assertThat(harness.fakes.published.get(0).idempotencyKey()).startsWith("event-1-");
        // one poster per chosen channel that shows one, in its size, with the final words; none for the ring-back tone
        assertThat(harness.fakes.channelPosters).singleElement().satisfies(poster -> {
            assertThat(poster.channel()).isEqualTo(ChannelType.INSTAGRAM);
            assertThat(poster.poster().title()).isEqualTo("주말 치킨 파티");
            assertThat(poster.poster().preview().imageId()).as("the picked style's art").isEqualTo("1-1-SIMPLE");
            assertThat(poster.poster().startAt()).isEqualTo(ready.startAt());
        });
        assertThat(harness.fakes.published).filteredOn(r -> r.channel() == ChannelType.INSTAGRAM).singleElement()
                .satisfies(r -> assertThat(r.imageUrl()).isEqualTo("http://img/1-INSTAGRAM.png"));
        assertThat(harness.fakes.published).filteredOn(r -> r.channel() == ChannelType.RINGOBIZ).singleElement()
                .satisfies(r -> assertThat(r.imageUrl()).isNull());
        assertThat(scheduled.distribution()).filteredOn(d -> d.channel() == ChannelType.INSTAGRAM)
                .extracting(ChannelDistribution::imageUrl).containsExactly("http://img/1-INSTAGRAM.png");

        // Waiting for the result lets the test server skip over the start and end timers.
        EventSnapshot result = WorkflowStub.fromTyped(workflow).getResult(EventSnapshot.class);
        assertThat(result.status()).isEqualTo(EventStatus.ENDED);
        assertThat(harness.now()).isAfterOrEqualTo(ready.endAt());
        assertThat(harness.fakes.recordedSnapshot()).containsSubsequence(
                "approval:APPROVED", "distribution:1", "progress:ACTIVE:ACTIVE", "commit:1", "progress:ENDED:ENDED",
                "draw:3:WEIGHTED", "notify:1", "purge:non-winners", "purge:all");
        // Non-winners' data goes 30 days after the end, winners' after the 90-day prize period.
        assertThat(harness.now()).isAfterOrEqualTo(ready.endAt().plus(Duration.ofDays(90)));
        harness.recordHistoryIfAsked(1, "happy-path-poster-pipeline");
    }

    @Test
    void invalidUpdatesAreRejectedAndLeaveTheWorkflowUntouched() {
        EventCreationWorkflow workflow = harness.start(2);
        EventWorkflowHarness.awaitStep(workflow, EventStep.SELECT_RECOMMENDATION);

        assertThatThrownBy(() -> workflow.selectRecommendation(new RecommendationChoice(3, null, null, null)))
                .isInstanceOf(WorkflowUpdateException.class).hasStackTraceContaining("index: must be between 0 and 2");
        assertThatThrownBy(() -> workflow.editContent(new ContentChoice("x", "t", "p", "g", null)))
                .isInstanceOf(WorkflowUpdateException.class).hasStackTraceContaining("not possible at step SELECT_RECOMMENDATION");
        assertThatThrownBy(workflow::publish).isInstanceOf(WorkflowUpdateException.class);

        EventSnapshot after = workflow.snapshot();
        assertThat(after.step()).isEqualTo(EventStep.SELECT_RECOMMENDATION);
        assertThat(after.selectedRecommendation()).isNull();

        workflow.selectRecommendation(new RecommendationChoice(0, null, null, null));
        EventSnapshot editing = EventWorkflowHarness.awaitStep(workflow, EventStep.EDIT_CONTENT);
        assertThat(editing.title()).isEqualTo("추천 0");
        assertThatThrownBy(() -> workflow.editContent(new ContentChoice("not-an-image", "t", "p", "g", null)))
                .isInstanceOf(WorkflowUpdateException.class).hasStackTraceContaining("imageId");
        workflow.editContent(new ContentChoice(editing.images().get(2).imageId(), "t", "p", "g", null));
        EventWorkflowHarness.awaitStep(workflow, EventStep.SELECT_CHANNELS);

        Instant start = harness.now().plus(Duration.ofDays(1));
        assertThatThrownBy(() -> workflow.chooseChannels(new ChannelChoice(List.of(), start, start.plusSeconds(60), null)))
                .isInstanceOf(WorkflowUpdateException.class).hasStackTraceContaining("channels: choose at least one");
        assertThatThrownBy(() -> workflow.chooseChannels(new ChannelChoice(
                List.of(new ChannelSelection(ChannelType.GINITV, null)), start, start.minusSeconds(60), null)))
                .isInstanceOf(WorkflowUpdateException.class).hasStackTraceContaining("endAt: must be after startAt");
        assertThatThrownBy(() -> workflow.chooseChannels(new ChannelChoice(List.of(new ChannelSelection(ChannelType.GINITV, null)),
                start, start.plusSeconds(60), new com.kt.eventmarketing.participation.AutoDraw(1, null, 2))))
                .isInstanceOf(WorkflowUpdateException.class).hasStackTraceContaining("autoDraw.algorithm");
        assertThat(workflow.snapshot().channels()).isEmpty();
    }

    @Test
    void cancelWhileChoosingARecommendation() {
        EventCreationWorkflow workflow = harness.start(3);
        EventWorkflowHarness.awaitStep(workflow, EventStep.SELECT_RECOMMENDATION);
        EventSnapshot cancelled = workflow.cancel("owner changed their mind");
        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(cancelled.step()).isEqualTo(EventStep.CANCELLED);
        assertThat(WorkflowStub.fromTyped(workflow).getResult(EventSnapshot.class).status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(harness.fakes.published).isEmpty();
        assertThat(harness.fakes.retracted).isEmpty();
    }

    @Test
    void cancelWhileTheAiIsStillAnalysing() {
        var held = new java.util.concurrent.CountDownLatch(1);
        harness.fakes.heldAi = held;
        try {
            EventCreationWorkflow workflow = harness.start(10);
            assertThat(workflow.snapshot().step()).isEqualTo(EventStep.ANALYZING_TRENDS);
            EventSnapshot cancelled = workflow.cancel("wrong purpose");
            assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
            assertThat(cancelled.recommendations()).isEmpty();
            assertThat(harness.fakes.recordedSnapshot()).contains("progress:CANCELLED:CANCELLED");
        } finally {
            held.countDown();
        }
    }

    @Test
    void cancelWhileChoosingChannels() {
        EventCreationWorkflow workflow = harness.start(11);
        EventWorkflowHarness.awaitStep(workflow, EventStep.SELECT_RECOMMENDATION);
        workflow.selectRecommendation(new RecommendationChoice(0, null, null, null));
        EventSnapshot editing = EventWorkflowHarness.awaitStep(workflow, EventStep.EDIT_CONTENT);
        workflow.editContent(new ContentChoice(editing.images().get(0).imageId(), "t", "p", "g", null));
        EventWorkflowHarness.awaitStep(workflow, EventStep.SELECT_CHANNELS);
        assertThat(workflow.cancel("later").step()).isEqualTo(EventStep.CANCELLED);
        assertThat(harness.fakes.published).isEmpty();
    }

    @Test
    void cancelWhileEditingContentAndWhileReady() {
        EventCreationWorkflow editing = harness.start(4);
        EventWorkflowHarness.awaitStep(editing, EventStep.SELECT_RECOMMENDATION);
        editing.selectRecommendation(new RecommendationChoice(2, null, null, null));
        EventWorkflowHarness.awaitStep(editing, EventStep.EDIT_CONTENT);
        assertThat(editing.cancel("stop").status()).isEqualTo(EventStatus.CANCELLED);

        EventCreationWorkflow ready = harness.start(5);
        harness.driveToReady(ready, ChannelType.GINITV);
        assertThat(ready.cancel("stop").status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(harness.fakes.published).isEmpty();
        // The workflow has closed: a second cancel cannot reach it.
        assertThatThrownBy(() -> ready.cancel("again")).isInstanceOf(io.temporal.client.WorkflowException.class);
    }

    @Test
    void cancelAfterPublishingRetractsWhereTheChannelAllowsIt() {
        EventCreationWorkflow workflow = harness.start(6);
        harness.driveToReady(workflow, ChannelType.INSTAGRAM, ChannelType.KAKAO_CHANNEL, ChannelType.GINITV);
        workflow.publish();
        EventWorkflowHarness.awaitStep(workflow, EventStep.SCHEDULED);

        EventSnapshot cancelled = workflow.cancel("sold out");
        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        // Kakao Channel messages cannot be taken back; Instagram and GiniTV posts can.
        assertThat(harness.fakes.retracted).extracting(r -> r.channel())
                .containsExactlyInAnyOrder(ChannelType.INSTAGRAM, ChannelType.GINITV);
        assertThat(cancelled.distribution()).filteredOn(d -> d.channel() == ChannelType.KAKAO_CHANNEL)
                .extracting(ChannelDistribution::status).containsExactly(DistributionStatus.PUBLISHED);
        assertThat(cancelled.distribution()).filteredOn(d -> d.channel() == ChannelType.INSTAGRAM)
                .extracting(ChannelDistribution::status).containsExactly(DistributionStatus.RETRACTED);
        // the purge runs after cancel has answered (once the status is recorded): wait for the workflow's end
        WorkflowStub.fromTyped(workflow).getResult(EventSnapshot.class);
        assertThat(harness.fakes.recordedSnapshot()).as("nobody's entry outlives a cancelled event")
                .containsSubsequence("progress:CANCELLED:CANCELLED", "purge:all");
        harness.recordHistoryIfAsked(6, "cancel-after-publish-purge-on-every-end");
    }

    @Test
    void cancellingAnActiveEventPurgesEveryEntrantAtOnce() {
        EventCreationWorkflow workflow = harness.start(14);
        EventSnapshot ready = harness.driveToReady(workflow, ChannelType.INSTAGRAM);
        workflow.publish();
        EventWorkflowHarness.awaitStep(workflow, EventStep.SCHEDULED);
        harness.sleep(Duration.between(harness.now(), ready.startAt()).plusMinutes(1));
        EventWorkflowHarness.awaitStep(workflow, EventStep.ACTIVE);

        EventSnapshot cancelled = workflow.cancel("closing the shop");
        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        WorkflowStub.fromTyped(workflow).getResult(EventSnapshot.class);
        assertThat(harness.fakes.recordedSnapshot()).containsSubsequence("progress:ACTIVE:ACTIVE", "commit:14",
                "progress:CANCELLED:CANCELLED", "purge:all");
        assertThat(harness.fakes.recordedSnapshot()).as("at once: no draw, no purge of non-winners first")
                .doesNotContain("purge:non-winners").noneMatch(r -> r.startsWith("draw:"));
        harness.recordHistoryIfAsked(14, "cancel-while-active-purge-on-every-end");
    }

    @Test
    void anExpiredDraftPurgesToo() {
        EventCreationWorkflow workflow = harness.start(15);
        EventSnapshot expired = WorkflowStub.fromTyped(workflow).getResult(EventSnapshot.class);
        assertThat(expired.status()).isEqualTo(EventStatus.EXPIRED);
        assertThat(harness.fakes.recordedSnapshot()).contains("purge:all");
    }

    @Test
    void aFailingChannelIsReportedAndRetriedAloneWithoutTouchingTheOthers() {
        harness.fakes.failingChannels.add(ChannelType.NAVER_BLOG);
        EventCreationWorkflow workflow = harness.start(7);
        harness.driveToReady(workflow, ChannelType.NAVER_BLOG, ChannelType.URIDONGNETV);
        workflow.publish();
        EventSnapshot scheduled = EventWorkflowHarness.awaitStep(workflow, EventStep.SCHEDULED);

        assertThat(scheduled.distribution()).filteredOn(d -> d.channel() == ChannelType.NAVER_BLOG).singleElement()
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo(DistributionStatus.FAILED);
                    assertThat(d.lastError()).contains("NAVER_BLOG is down");
                });
        assertThat(scheduled.distribution()).filteredOn(d -> d.channel() == ChannelType.URIDONGNETV)
                .extracting(ChannelDistribution::status).containsExactly(DistributionStatus.PUBLISHED);
        assertThatThrownBy(() -> workflow.retryChannel(ChannelType.URIDONGNETV))
                .isInstanceOf(WorkflowUpdateException.class).hasStackTraceContaining("only FAILED channels");

        harness.fakes.failingChannels.clear();
        EventSnapshot retried = workflow.retryChannel(ChannelType.NAVER_BLOG);
        assertThat(retried.distribution()).extracting(ChannelDistribution::status).containsOnly(DistributionStatus.PUBLISHED);
        assertThat(retried.distribution()).filteredOn(d -> d.channel() == ChannelType.NAVER_BLOG)
                .extracting(ChannelDistribution::attempts).containsExactly(2);
        assertThat(harness.fakes.published).filteredOn(r -> r.channel() == ChannelType.URIDONGNETV).hasSize(1);
        assertThat(harness.fakes.channelPosters).as("the retry reuses the channel's poster")
                .extracting(ChannelPosterRequest::channel).containsExactlyInAnyOrder(ChannelType.NAVER_BLOG, ChannelType.URIDONGNETV);
        assertThat(harness.fakes.recordedSnapshot()).contains("distribution:1", "distribution:2");
        WorkflowStub.fromTyped(workflow).getResult(EventSnapshot.class);
        harness.recordHistoryIfAsked(7, "channel-retry-poster-pipeline");
    }

    @Test
    void anAbandonedDraftExpires() {
        EventCreationWorkflow workflow = harness.start(8);
        EventWorkflowHarness.awaitStep(workflow, EventStep.SELECT_RECOMMENDATION);
        EventSnapshot result = WorkflowStub.fromTyped(workflow).getResult(EventSnapshot.class);
        assertThat(result.status()).isEqualTo(EventStatus.EXPIRED);
        assertThat(harness.fakes.recordedSnapshot()).contains("progress:EXPIRED:EXPIRED");
        harness.recordHistoryIfAsked(8, "draft-expiry-purge-on-every-end");
    }

    @Test
    void regeneratingImagesReplacesThemAndClearsThePick() {
        EventCreationWorkflow workflow = harness.start(9);
        EventWorkflowHarness.awaitStep(workflow, EventStep.SELECT_RECOMMENDATION);
        workflow.selectRecommendation(new RecommendationChoice(0, null, null, null));
        EventSnapshot first = EventWorkflowHarness.awaitStep(workflow, EventStep.EDIT_CONTENT);
        EventSnapshot second = workflow.regenerateImages();
        assertThat(second.images()).hasSize(3);
        assertThat(second.images().get(0).imageId()).isNotEqualTo(first.images().get(0).imageId());
        assertThatThrownBy(() -> workflow.editContent(new ContentChoice(first.images().get(0).imageId(), "t", "p", "g", null)))
                .isInstanceOf(WorkflowUpdateException.class);
    }

    @Test
    void everyEditRedrawsThePickedPreviewUnderANewIdAndEarlierIdsStillWork() {
        EventCreationWorkflow workflow = harness.start(12);
        EventWorkflowHarness.awaitStep(workflow, EventStep.SELECT_RECOMMENDATION);
        workflow.selectRecommendation(new RecommendationChoice(0, null, null, null));
        EventSnapshot previews = EventWorkflowHarness.awaitStep(workflow, EventStep.EDIT_CONTENT);
        GeneratedImage fancy = previews.images().get(1);
        Colors colours = new Colors("#FFFFFF", "#000000", "#FF0000");

        EventSnapshot first = workflow.editContent(new ContentChoice(fancy.imageId(), "첫 제목", "경품", "안내", colours));
        assertThat(first.imageId()).isNotEqualTo(fancy.imageId());
        assertThat(first.images()).extracting(GeneratedImage::imageId)
                .containsExactly(previews.images().get(0).imageId(), first.imageId(), previews.images().get(2).imageId());
        assertThat(first.imageUrl()).isEqualTo(first.images().get(1).url());

        // the client sends back the id it was shown; the art stays the FANCY preview's
        EventSnapshot second = workflow.editContent(new ContentChoice(first.imageId(), "둘째 제목", "경품", "안내", colours));
        assertThat(second.imageId()).isNotEqualTo(first.imageId());
        assertThat(harness.fakes.redrawnPreviews).extracting(r -> r.preview().imageId())
                .containsExactly(fancy.imageId(), fancy.imageId());
        assertThat(harness.fakes.redrawnPreviews.get(1).title()).isEqualTo("둘째 제목");
        // an id shown earlier (the first re-draw, the original preview) is still a valid pick
        assertThat(workflow.editContent(new ContentChoice(first.imageId(), "셋째", "경품", "안내", colours)).title())
                .isEqualTo("셋째");
        assertThat(workflow.editContent(new ContentChoice(fancy.imageId(), "넷째", "경품", "안내", colours)).images())
                .hasSize(3);
        harness.recordHistoryIfAsked(12, "content-edits-poster-pipeline");
    }
}
