package com.kt.eventmarketing.events;

import com.kt.eventmarketing.ai.Recommendation;
import com.kt.eventmarketing.ai.TrendAnalysis;
import com.kt.eventmarketing.content.GeneratedImage;

import java.time.Instant;
import java.util.List;

/**
 * Everything the event creation workflow knows: the answer to its query, and what the core activities write
 * to PostgreSQL. Null fields are steps not reached yet.
 */
public record EventSnapshot(long eventId,
                            long ownerId,
                            long storeId,
                            String storeName,
                            EventObjective objective,
                            EventStatus status,
                            EventStep step,
                            TrendAnalysis trends,
                            List<Recommendation> recommendations,
                            Integer selectedRecommendation,
                            String title,
                            String prize,
                            String participationMethod,
                            Integer expectedParticipants,
                            Long estimatedCost,
                            Double expectedRoi,
                            List<GeneratedImage> images,
                            String imageId,
                            String imageUrl,
                            String imageProvider,
                            String guide,
                            Colors colors,
                            List<ChannelSelection> channels,
                            Instant startAt,
                            Instant endAt,
                            List<ChannelDistribution> distribution,
                            String failureReason) {
}
