package com.kt.eventmarketing.content;

/**
 * One stored image; {@code provider} says whether the image API or the built-in art is behind it. {@code platform}
 * is set only on the images of the nine-image set of workflows started before the poster pipeline; previews and
 * channel posters have none (their size is width × height).
 */
public record GeneratedImage(String imageId, ImageStyle style, ImagePlatform platform, int width, int height,
                             String url, String provider) {
}
