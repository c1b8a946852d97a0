package com.kt.eventmarketing.events;

import com.kt.eventmarketing.ai.AiPlanningActivities;
import com.kt.eventmarketing.ai.Recommendation;
import com.kt.eventmarketing.ai.RecommendationRequest;
import com.kt.eventmarketing.ai.TrendAnalysis;
import com.kt.eventmarketing.ai.TrendRequest;
import com.kt.eventmarketing.content.ChannelPosterRequest;
import com.kt.eventmarketing.content.GeneratedImage;
import com.kt.eventmarketing.content.ImageGenerationActivities;
import com.kt.eventmarketing.content.ImagePlatform;
import com.kt.eventmarketing.content.ImageRequest;
import com.kt.eventmarketing.content.ImageStyle;
import com.kt.eventmarketing.content.PosterRequest;
import com.kt.eventmarketing.distribution.ChannelPublishActivities;
import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelPublishResult;
import com.kt.eventmarketing.distribution.ChannelRetractRequest;
import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.participation.AutoDraw;
import com.kt.eventmarketing.participation.ParticipationActivities;
import io.temporal.failure.ApplicationFailure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test doubles of the third-party-facing activities, for the workflow's logic alone (the activities themselves
 * are tested over HTTP against the sandbox, and end to end). They record what the workflow asked for.
 */
final class FakeActivities {
    final Set<ChannelType> failingChannels = ConcurrentHashMap.newKeySet();
    final List<ChannelPublishRequest> published = new CopyOnWriteArrayList<>();
    final List<ChannelRetractRequest> retracted = new CopyOnWriteArrayList<>();
    final List<String> recorded = new CopyOnWriteArrayList<>();
    final AtomicInteger imageBatches = new AtomicInteger();
    /** Holds trend analysis until released, to cancel an event while its AI activity is running. */
    final java.util.concurrent.CountDownLatch aiGate = new java.util.concurrent.CountDownLatch(0);
    volatile java.util.concurrent.CountDownLatch heldAi = aiGate;

    final AiPlanningActivities ai = new AiPlanningActivities() {
        @Override
        public TrendAnalysis analyzeTrends(TrendRequest request) {
            try {
                heldAi.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new TrendAnalysis(request.region() + " " + request.businessType() + " " + request.season(),
                    List.of("SNS 인증"), List.of("음료 쿠폰"), List.of("팔로우"), List.of("주말 유동인구"), "fake");
        }

        @Override
        public List<Recommendation> recommendEvents(RecommendationRequest request) {
            List<Recommendation> out = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                out.add(new Recommendation("추천 " + i, "경품 " + i, "방법 " + i, 100 + i, 100_000L * (i + 1), 150.0 + i, "설명"));
            }
            return out;
        }
    };

    final List<PosterRequest> redrawnPreviews = new CopyOnWriteArrayList<>();
    final List<ChannelPosterRequest> channelPosters = new CopyOnWriteArrayList<>();

    final ImageGenerationActivities content = new ImageGenerationActivities() {
        @Override
        public List<GeneratedImage> generateImages(ImageRequest request) {
            int batch = imageBatches.incrementAndGet();
            List<GeneratedImage> images = new ArrayList<>();
            for (ImageStyle style : ImageStyle.values()) {
                for (ImagePlatform platform : ImagePlatform.values()) {
                    String id = request.eventId() + "-" + batch + "-" + style + "-" + platform;
                    images.add(new GeneratedImage(id, style, platform, platform.width(), platform.height(),
                            "http://img/" + id + ".png", "renderer"));
                }
            }
            return images;
        }

        @Override
        public List<GeneratedImage> generatePreviews(ImageRequest request) {
            int batch = imageBatches.incrementAndGet();
            List<GeneratedImage> previews = new ArrayList<>();
            for (ImageStyle style : ImageStyle.values()) {
                String id = request.eventId() + "-" + batch + "-" + style;
                previews.add(new GeneratedImage(id, style, null, 1080, 1080, "http://img/" + id + ".png", "renderer"));
            }
            return previews;
        }

        @Override
        public GeneratedImage renderPreview(PosterRequest request) {
            redrawnPreviews.add(request);
            String id = request.preview().imageId() + "-r" + Integer.toHexString((request.title() + request.prize()
                    + request.guide() + request.colors()).hashCode());
            return new GeneratedImage(id, request.preview().style(), null, 1080, 1080, "http://img/" + id + ".png",
                    request.preview().provider());
        }

        @Override
        public GeneratedImage renderChannelPoster(ChannelPosterRequest request) {
            channelPosters.add(request);
            String id = request.poster().eventId() + "-" + request.channel();
            return new GeneratedImage(id, request.poster().preview().style(), null, request.channel().posterWidth(),
                    request.channel().posterHeight(), "http://img/" + id + ".png", "renderer");
        }
    };

    final ChannelPublishActivities channels = new ChannelPublishActivities() {
        @Override
        public ChannelPublishResult publish(ChannelPublishRequest request) {
            if (failingChannels.contains(request.channel())) {
                throw ApplicationFailure.newFailure(request.channel() + " is down", "ChannelDown");
            }
            published.add(request);
            return new ChannelPublishResult(request.channel(), "ext-" + request.channel(), "http://post/" + request.channel());
        }

        @Override
        public void retract(ChannelRetractRequest request) {
            retracted.add(request);
        }
    };

    final EventRecordActivities records = new EventRecordActivities() {
        @Override
        public void recordProgress(EventSnapshot snapshot) {
            recorded.add("progress:" + snapshot.status() + ":" + snapshot.step());
        }

        @Override
        public void recordApproval(EventSnapshot snapshot) {
            recorded.add("approval:" + snapshot.status());
        }

        @Override
        public void recordDistribution(EventSnapshot snapshot, int round) {
            recorded.add("distribution:" + round);
        }
    };

    final ParticipationActivities participation = new ParticipationActivities() {
        @Override
        public void commitDrawSeed(long eventId) {
            recorded.add("commit:" + eventId);
        }

        @Override
        public int drawWinners(long eventId, AutoDraw settings) {
            recorded.add("draw:" + settings.winnerCount() + ":" + settings.algorithm());
            return settings.winnerCount();
        }

        @Override
        public int notifyWinners(long eventId) {
            recorded.add("notify:" + eventId);
            return 3;
        }

        @Override
        public int purgePersonalData(long eventId, boolean includeWinners) {
            recorded.add(includeWinners ? "purge:all" : "purge:non-winners");
            return 1;
        }
    };

    List<String> recordedSnapshot() {
        return Collections.unmodifiableList(new ArrayList<>(recorded));
    }
}
