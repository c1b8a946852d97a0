package com.kt.eventmarketing.content;

/** Target platforms and the pixel size each one wants. */
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
