package com.kt.eventmarketing.content;

import com.kt.eventmarketing.content.blob.BlobStore;
import com.kt.eventmarketing.content.imageapi.ImageApiClient;
import com.kt.eventmarketing.content.render.BuiltInArt;
import com.kt.eventmarketing.content.render.Png;
import com.kt.eventmarketing.shared.resilience.Heartbeats;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The background art of a poster: the image API's picture, or the style's built-in art when the API is down or
 * disabled. The API's art of a preview is kept in the blob store next to it ({@link #artId}), so re-drawn
 * previews and the channel posters reuse the very art the owner chose instead of asking the API again.
 */
@Component
public class PosterArt implements DisposableBean {
    static final String PROVIDER_IMAGE_API = "image-api";
    static final String PROVIDER_BUILT_IN = "renderer";
    /** The size asked of the API; its answer in the supported square size is scaled to each poster. */
    static final int ART_SIZE = 1080;
    private static final Logger log = LoggerFactory.getLogger(PosterArt.class);

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ImageApiClient imageApi;
    private final BlobStore blobs;
    // The image API's calls of one images step after the first; at most two per running content activity. When
    // every thread is busy the activity's own thread makes the call, so a burst slows down instead of failing.
    private final ThreadPoolExecutor calls = new ThreadPoolExecutor(0, 32, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            task -> {
                Thread thread = new Thread(task, "poster-art-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    public PosterArt(ImageApiClient imageApi, BlobStore blobs) {
        this.imageApi = imageApi;
        this.blobs = blobs;
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    /** Art for one style; {@code png} is the API's answer to keep, null for built-in art. */
    record Art(ImageStyle style, BufferedImage image, byte[] png, String provider) {
    }

    /**
     * One images step: after the first API failure the remaining styles go straight to the built-in art, so an
     * outage costs one timeout, not three. {@code failure} is why the API was given up on (a failure type).
     */
    final class Session {
        private volatile String failure;

        /**
         * Art for each style, in the styles' order. The first style's call goes alone: when it fails (an outage, the
         * quota) the others get the built-in art without calling. When it succeeds the others are asked for at once,
         * so the owner waits for two provider answers instead of three (a real provider takes seconds per picture).
         */
        List<Art> forStyles(ImageRequest request, List<ImageStyle> styles, ActivityExecutionContext context) {
            List<Art> arts = new ArrayList<>(styles.size());
            arts.add(forStyle(request, styles.get(0), context));
            Map<String, String> logContext = MDC.getCopyOfContextMap();
            List<Future<Art>> rest = new ArrayList<>();
            for (ImageStyle style : styles.subList(1, styles.size())) {
                rest.add(calls.submit(() -> {
                    Map<String, String> previous = MDC.getCopyOfContextMap();
                    MDC.setContextMap(logContext == null ? Map.of() : logContext);
                    try {
                        return forStyle(request, style, context);
                    } finally {
                        MDC.setContextMap(previous == null ? Map.of() : previous);
                    }
                }));
            }
            for (Future<Art> art : rest) {
                arts.add(result(art));
            }
            return arts;
        }

        Art forStyle(ImageRequest request, ImageStyle style, ActivityExecutionContext context) {
            if (imageApi.enabled() && failure == null) {
                try {
                    byte[] png = Heartbeats.during(context, "art " + style, () ->
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

    private static Art result(Future<Art> art) {
        try {
            return art.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for poster art", e);
        } catch (ExecutionException e) {
            // an ActivityCompletionException (the activity was cancelled or timed out) and other failures go on as they were
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
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
