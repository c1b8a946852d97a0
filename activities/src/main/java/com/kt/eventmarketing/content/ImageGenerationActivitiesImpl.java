package com.kt.eventmarketing.content;

import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.content.blob.BlobStore;
import com.kt.eventmarketing.content.imageapi.ImageApiClient;
import com.kt.eventmarketing.content.render.Png;
import com.kt.eventmarketing.content.render.PosterRenderer;
import com.kt.eventmarketing.shared.resilience.Heartbeats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Draws one image per style × platform: the image API first, the built-in renderer when the API fails.
 * After the first API failure the rest of the set goes straight to the renderer, so an outage costs one timeout,
 * not nine. Images are stored in the blob store and returned as public URLs, each naming the provider that drew it.
 * <p>Metrics: {@value #IMAGES_METRIC} counts images per {@code provider}; {@value #FALLBACK_METRIC} counts images the
 * renderer drew because the image API failed, tagged with the failure {@code reason} (an ExternalCallFailures type).
 */
@Component
public class ImageGenerationActivitiesImpl implements ImageGenerationActivities {

    static final String PROVIDER_IMAGE_API = "image-api";
    static final String PROVIDER_RENDERER = "renderer";
    public static final String IMAGES_METRIC = "kt.content.images";
    public static final String FALLBACK_METRIC = "kt.content.fallback";
    private static final Logger log = LoggerFactory.getLogger(ImageGenerationActivitiesImpl.class);

    private final ImageApiClient imageApi;
    private final PosterRenderer renderer;
    private final BlobStore blobs;
    private final PublicUrlProperties urls;
    private final MeterRegistry meters;

    @Autowired
    public ImageGenerationActivitiesImpl(ImageApiClient imageApi, PosterRenderer renderer, BlobStore blobs,
                                         PublicUrlProperties urls, ObjectProvider<MeterRegistry> meters) {
        this(imageApi, renderer, blobs, urls, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    public ImageGenerationActivitiesImpl(ImageApiClient imageApi, PosterRenderer renderer, BlobStore blobs,
                                         PublicUrlProperties urls, MeterRegistry meters) {
        this.imageApi = imageApi;
        this.renderer = renderer;
        this.blobs = blobs;
        this.urls = urls;
        this.meters = meters;
    }

    /** Why the image API was given up on for this set; null while it works. */
    private static final class ApiFailure {
        String reason;
    }

    @Override
    public List<GeneratedImage> generateImages(ImageRequest request) {
        // a fresh batch id per attempt: a regenerated set never overwrites images the owner has already seen
        String batch = UUID.randomUUID().toString().substring(0, 8);
        ApiFailure apiFailure = new ApiFailure();
        List<GeneratedImage> images = new ArrayList<>();
        for (ImageStyle style : ImageStyle.values()) {
            for (ImagePlatform platform : ImagePlatform.values()) {
                String stage = style + "/" + platform;
                Activity.getExecutionContext().heartbeat(stage);
                byte[] png = null;
                if (imageApi.enabled() && apiFailure.reason == null) {
                    png = fromApi(request, style, platform, stage, apiFailure);
                }
                String provider = png != null ? PROVIDER_IMAGE_API : PROVIDER_RENDERER;
                if (png == null) {
                    png = renderer.render(request, style, platform);
                    if (apiFailure.reason != null) {
                        Counter.builder(FALLBACK_METRIC)
                                .description("images drawn by the renderer because the image API failed")
                                .tag("from", PROVIDER_IMAGE_API).tag("to", PROVIDER_RENDERER)
                                .tag("reason", apiFailure.reason).register(meters).increment();
                    }
                }
                Counter.builder(IMAGES_METRIC).description("generated images by the provider that drew them")
                        .tag("provider", provider).register(meters).increment();
                String imageId = "e%d-%s-%s-%s".formatted(request.eventId(), style.name().toLowerCase(Locale.ROOT),
                        platform.name().toLowerCase(Locale.ROOT), batch);
                blobs.write(imageId, png);
                images.add(new GeneratedImage(imageId, style, platform, platform.width(), platform.height(),
                        urls.imageUrl(imageId), provider));
            }
        }
        return List.copyOf(images);
    }

    /**
     * The API's image fitted to the platform, or null when the API failed (the caller falls back). One call may take
     * up to the read timeout, so the activity heartbeats during it.
     */
    private byte[] fromApi(ImageRequest request, ImageStyle style, ImagePlatform platform, String stage,
                           ApiFailure failure) {
        try {
            byte[] image = Heartbeats.during(stage, () ->
                    imageApi.generate(PosterPrompt.of(request, style), platform.width(), platform.height()));
            return Png.fitTo(image, platform.width(), platform.height());
        } catch (ApplicationFailure | IllegalArgumentException e) {
            failure.reason = e instanceof ApplicationFailure af && af.getType() != null ? af.getType() : "UnreadableImage";
            log.warn("image API failed for event {} ({}), using the built-in renderer: {}", request.eventId(),
                    style, e.getMessage());
            return null;
        }
    }
}
