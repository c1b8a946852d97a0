package com.kt.eventmarketing.distribution;

/** The channels an event can be published to, and the poster size each one shows. */
public enum ChannelType {
    /** 우리동네TV: image/video slot with radius and time slots, on landscape screens. */
    URIDONGNETV(false, 1920, 1080),
    /** 링고비즈: ring-back tone text; no image. */
    RINGOBIZ(true, 0, 0),
    /** 지니TV: ad registration, landscape TV. */
    GINITV(true, 1920, 1080),
    INSTAGRAM(true, 1080, 1080),
    NAVER_BLOG(true, 800, 600),
    KAKAO_CHANNEL(false, 800, 800);

    private final boolean retractable;
    private final int posterWidth;
    private final int posterHeight;

    ChannelType(boolean retractable, int posterWidth, int posterHeight) {
        this.retractable = retractable;
        this.posterWidth = posterWidth;
        this.posterHeight = posterHeight;
    }

    /** Whether the channel's API lets us take a published post back (used when an event is cancelled). */
    public boolean retractable() {
        return retractable;
    }

    /** Whether a post on this channel carries a poster (everything but the ring-back tone). */
    public boolean showsPoster() {
        return posterWidth > 0;
    }

    public int posterWidth() {
        return posterWidth;
    }

    public int posterHeight() {
        return posterHeight;
    }
}
