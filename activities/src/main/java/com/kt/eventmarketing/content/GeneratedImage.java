package com.kt.eventmarketing.content;

/** One stored image; {@code provider} says whether the image API or the built-in renderer drew it. */
public record GeneratedImage(String imageId, ImageStyle style, ImagePlatform platform, int width, int height,
                             String url, String provider) {
}
