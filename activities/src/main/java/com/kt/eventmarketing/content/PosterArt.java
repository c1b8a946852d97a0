package com.kt.eventmarketing.content;

import com.kt.eventmarketing.content.blob.BlobStore;
import com.kt.eventmarketing.content.imageapi.ImageApiClient;
import com.kt.eventmarketing.content.render.BuiltInArt;
import com.kt.eventmarketing.content.render.Png;
import com.kt.eventmarketing.shared.resilience.Heartbeats;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * The background art of a poster: the image API's picture, or the style's built-in art when the API is down or
 * disabled. The API's art of a preview is kept in the blob store next to it ({@link #artId}), so re-drawn
 * previews and the channel posters reuse the very art the owner chose instead of asking the API again.
 */
@Component
public class PosterArt {
    static final String PROVIDER_IMAGE_API = "image-api";
    static final String PROVIDER_BUILT_IN = "renderer";
    /** The size asked of the API; its answer in the supported square size is scaled to each poster. */
    static final int ART_SIZE = 1080;
    private static final Logger log = LoggerFactory.getLogger(PosterArt.class);

    private final ImageApiClient imageApi;
    private final BlobStore blobs;

    public PosterArt(ImageApiClient imageApi, BlobStore blobs) {
        this.imageApi = imageApi;
        this.blobs = blobs;
    }

    /** Art for one style; {@code png} is the API's answer to keep, null for built-in art. */
    record Art(ImageStyle style, BufferedImage image, byte[] png, String provider) {
    }

    /**
     * One images step: after the first API failure the remaining styles go straight to the built-in art, so an
     * outage costs one timeout, not three. {@code failure} is why the API was given up on (a failure type).
     */
    final class Session {
        private String failure;

        Art forStyle(ImageRequest request, ImageStyle style) {
            if (imageApi.enabled() && failure == null) {
                try {
                    byte[] png = Heartbeats.during("art " + style, () ->
                            imageApi.generate(PosterPrompt.of(request, style), ART_SIZE, ART_SIZE));
                    return new Art(style, Png.decode(png), png, PROVIDER_IMAGE_API);
                } catch (ApplicationFailure | IllegalArgumentException e) {
                    failure = e instanceof ApplicationFailure af && af.getType() != null ? af.getType() : "UnreadableImage";
                    log.warn("image API failed for event {} ({}), using the built-in art: {}", request.eventId(),
                            style, e.getMessage());
                }
            }
            return new Art(style, BuiltInArt.draw(style, ART_SIZE, ART_SIZE), null, PROVIDER_BUILT_IN);
        }

        /** Why the API was given up on; null while it works (or when it is disabled). */
        String failure() {
            return failure;
        }
    }

    Session session() {
        return new Session();
    }

    /** Where a preview's API art is kept. */
    static String artId(String previewId) {
        return previewId + "-art";
    }

    /**
     * The art behind a preview, for a poster of width × height: the kept API art, else the built-in art of the
     * style drawn at that size (also for images of the nine-image set, which kept no art).
     */
    BufferedImage behind(GeneratedImage preview, int width, int height) {
        if (PROVIDER_IMAGE_API.equals(preview.provider())) {
            Optional<byte[]> art = blobs.read(artId(preview.imageId()));
            if (art.isPresent()) {
                return Png.decode(art.get());
            }
        }
        return BuiltInArt.draw(preview.style(), width, height);
    }
}
