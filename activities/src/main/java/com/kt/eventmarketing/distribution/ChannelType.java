package com.kt.eventmarketing.distribution;

/** The channels an event can be published to. */
public enum ChannelType {
    /** 우리동네TV: image/video slot with radius and time slots. */
    URIDONGNETV(false),
    /** 링고비즈: ring-back tone text. */
    RINGOBIZ(true),
    /** 지니TV: ad registration. */
    GINITV(true),
    INSTAGRAM(true),
    NAVER_BLOG(true),
    KAKAO_CHANNEL(false);

    private final boolean retractable;

    ChannelType(boolean retractable) {
        this.retractable = retractable;
    }

    /** Whether the channel's API lets us take a published post back (used when an event is cancelled). */
    public boolean retractable() {
        return retractable;
    }
}
