package com.kt.eventmarketing.content;

/**
 * The platforms of the nine-image set (3 styles × 3 platforms) that workflows started before the poster pipeline
 * still ask for; newer workflows render per chosen channel in the channel's size ({@code ChannelType}).
 */
public enum ImagePlatform {
    INSTAGRAM(1080, 1080),
    NAVER(800, 600),
    KAKAO(800, 800);

    private final int width;
    private final int height;

    ImagePlatform(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
