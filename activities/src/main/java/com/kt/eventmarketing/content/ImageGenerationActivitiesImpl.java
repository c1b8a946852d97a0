package com.kt.eventmarketing.content;

import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.content.blob.BlobStore;
import com.kt.eventmarketing.content.imageapi.ImageApiClient;
import com.kt.eventmarketing.content.render.Png;
import com.kt.eventmarketing.content.render.PosterRenderer;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Draws one image per style × platform: the image API first, the built-in renderer when the API fails.
 * After the first API failure the rest of the set goes straight to the renderer, so an outage costs one timeout,
 * not nine. Images are stored in the blob store and returned as public URLs.
 */
@Component
public class ImageGenerationActivitiesImpl implements ImageGenerationActivities {

    static final String PROVIDER_IMAGE_API = "image-api";
    static final String PROVIDER_RENDERER = "renderer";
    private static final Logger log = LoggerFactory.getLogger(ImageGenerationActivitiesImpl.class);

    private final ImageApiClient imageApi;
    private final PosterRenderer renderer;
    private final BlobStore blobs;
    private final PublicUrlProperties urls;

    public ImageGenerationActivitiesImpl(ImageApiClient imageApi, PosterRenderer renderer, BlobStore blobs,
                                         PublicUrlProperties urls) {
        this.imageApi = imageApi;
        this.renderer = renderer;
        this.blobs = blobs;
        this.urls = urls;
    }

    @Override
    public List<GeneratedImage> generateImages(ImageRequest request) {
        // a fresh batch id per attempt: a regenerated set never overwrites images the owner has already seen
        String batch = UUID.randomUUID().toString().substring(0, 8);
        boolean useApi = imageApi.enabled();
        List<GeneratedImage> images = new ArrayList<>();
        for (ImageStyle style : ImageStyle.values()) {
            for (ImagePlatform platform : ImagePlatform.values()) {
                Activity.getExecutionContext().heartbeat(style + "/" + platform);
                byte[] png = null;
                if (useApi) {
                    png = fromApi(request, style, platform);
                    useApi = png != null;
                }
                String provider = png != null ? PROVIDER_IMAGE_API : PROVIDER_RENDERER;
                if (png == null) {
                    png = renderer.render(request, style, platform);
                }
                String imageId = "e%d-%s-%s-%s".formatted(request.eventId(), style.name().toLowerCase(Locale.ROOT),
                        platform.name().toLowerCase(Locale.ROOT), batch);
                blobs.write(imageId, png);
                images.add(new GeneratedImage(imageId, style, platform, platform.width(), platform.height(),
                        urls.imageUrl(imageId), provider));
            }
        }
        return List.copyOf(images);
    }

    /** The API's image fitted to the platform, or null when the API failed (the caller falls back). */
    private byte[] fromApi(ImageRequest request, ImageStyle style, ImagePlatform platform) {
        try {
            byte[] image = imageApi.generate(PosterPrompt.of(request, style), platform.width(), platform.height());
            return Png.fitTo(image, platform.width(), platform.height());
        } catch (ApplicationFailure | IllegalArgumentException e) {
            log.warn("image API failed for event {} ({}), using the built-in renderer: {}", request.eventId(),
                    style, e.getMessage());
            return null;
        }
    }
}
