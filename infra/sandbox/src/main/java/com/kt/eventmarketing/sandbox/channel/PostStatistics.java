package com.kt.eventmarketing.sandbox.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Deterministic statistics that grow with a post's age, so an analytics poller sees plausible, rising numbers.
 * The per-post offset keeps two posts of the same age apart.
 */
public final class PostStatistics {

    private PostStatistics() {
    }

    public static Map<String, Object> views(ChannelPost post, Instant now) {
        long minutes = minutesLive(post, now);
        long offset = Math.floorMod(post.id().hashCode(), 50);
        long impressions = minutes * 40 + offset;
        return Map.of("postId", post.id(), "impressions", impressions, "views", impressions * 3 / 5,
                "clicks", impressions / 12, "measuredAt", now.toString());
    }

    /** 링고비즈 counts calls that heard the ring-back tone instead of views. */
    public static Map<String, Object> calls(ChannelPost post, Instant now) {
        long minutes = minutesLive(post, now);
        long calls = minutes * 3 + Math.floorMod(post.id().hashCode(), 7);
        return Map.of("ringbackToneId", post.id(), "calls", calls, "completedCalls", calls * 4 / 5,
                "averageCallSeconds", 42.5, "measuredAt", now.toString());
    }

    private static long minutesLive(ChannelPost post, Instant now) {
        return Math.max(0, Duration.between(post.createdAt(), now).toMinutes()) + 1;
    }
}
