package com.kt.eventmarketing.content;

import com.kt.eventmarketing.content.blob.BlobStore;
import com.kt.eventmarketing.content.render.Png;
import com.kt.eventmarketing.content.render.PosterCompositor;
import com.kt.eventmarketing.content.render.PosterContent;
import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.shared.WorkerComponent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Posters: background art from {@link PosterArt} (image API, else built-in), the event's words and QR code drawn
 * over it by the {@link PosterCompositor}, the PNG in the blob store, a public URL back.
 * <p>Metrics: {@value #IMAGES_METRIC} counts images per {@code provider} of their art; {@value #FALLBACK_METRIC}
 * counts images on built-in art because the image API failed, tagged with the failure {@code reason} (an
 * ExternalCallFailures type).
 */
@WorkerComponent
public class ImageGenerationActivitiesImpl implements ImageGenerationActivities {

    static final String PROVIDER_IMAGE_API = PosterArt.PROVIDER_IMAGE_API;
    static final String PROVIDER_RENDERER = PosterArt.PROVIDER_BUILT_IN;
    public static final String IMAGES_METRIC = "kt.content.images";
    public static final String FALLBACK_METRIC = "kt.content.fallback";
    /** Previews are square: the owner chooses a look, not a file size. */
    static final int PREVIEW_SIZE = 1080;

    private static final Logger log = LoggerFactory.getLogger(ImageGenerationActivitiesImpl.class);

    private final PosterArt art;
    private final BlobStore blobs;
    private final PublicUrlProperties urls;
    private final MeterRegistry meters;
    private final CompositionGate gate;

    @Autowired
    public ImageGenerationActivitiesImpl(PosterArt art, BlobStore blobs, PublicUrlProperties urls,
                                         ObjectProvider<MeterRegistry> meters, CompositionGate gate) {
        this(art, blobs, urls, meters.getIfAvailable(SimpleMeterRegistry::new), gate);
    }

    public ImageGenerationActivitiesImpl(PosterArt art, BlobStore blobs, PublicUrlProperties urls, MeterRegistry meters,
                                         CompositionGate gate) {
        this.art = art;
        this.blobs = blobs;
        this.urls = urls;
        this.meters = meters;
        this.gate = gate;
    }

    @Override
    public List<GeneratedImage> generateImages(ImageRequest request) {
        String batch = newBatch();
        PosterArt.Session session = art.session();
        List<GeneratedImage> images = new ArrayList<>();
        for (ImageStyle style : ImageStyle.values()) {
            PosterArt.Art styleArt = session.forStyle(request, style, Activity.getExecutionContext());
            PosterContent words = PosterWords.of(request, style, urls);
            for (ImagePlatform platform : ImagePlatform.values()) {
                Activity.getExecutionContext().heartbeat(style + "/" + platform);
                String imageId = "e%d-%s-%s-%s".formatted(request.eventId(), style.name().toLowerCase(Locale.ROOT),
                        platform.name().toLowerCase(Locale.ROOT), batch);
                images.add(store(imageId, styleArt.image(), words, style, platform, platform.width(),
                        platform.height(), styleArt.provider(), session.failure()));
            }
        }
        return List.copyOf(images);
    }

    @Override
    public List<GeneratedImage> generatePreviews(ImageRequest request) {
        // a fresh batch id per attempt: a regenerated set never overwrites images the owner has already seen
        String batch = newBatch();
        long start = System.nanoTime();
        PosterArt.Session session = art.session();
        List<PosterArt.Art> arts = session.forStyles(request, List.of(ImageStyle.values()), Activity.getExecutionContext());
        long artDone = System.nanoTime();
        long[] composing = new long[1];
        List<GeneratedImage> done = gate.compose(() -> {
            composing[0] = System.nanoTime();
            List<GeneratedImage> previews = new ArrayList<>();
            for (PosterArt.Art styleArt : arts) {
                String imageId = PosterIds.preview(request.eventId(), styleArt.style(), batch);
                if (styleArt.png() != null) {
                    blobs.write(PosterArt.artId(imageId), styleArt.png());
                }
                previews.add(store(imageId, styleArt.image(), PosterWords.of(request, styleArt.style(), urls),
                        styleArt.style(), null, PREVIEW_SIZE, PREVIEW_SIZE, styleArt.provider(), session.failure()));
            }
            return List.copyOf(previews);
        });
        long end = System.nanoTime();
        // where a slow images step went: the provider, the queue for the cores, or the drawing itself
        log.info("previews for event {}: art {} ms, waited {} ms to compose, composed {} ms", request.eventId(),
                (artDone - start) / 1_000_000, (composing[0] - artDone) / 1_000_000, (end - composing[0]) / 1_000_000);
        return done;
    }

    @Override
    public GeneratedImage renderPreview(PosterRequest request) {
        PosterContent words = PosterWords.of(request, urls);
        GeneratedImage preview = request.preview();
        String imageId = PosterIds.redrawnPreview(preview.imageId(), words, PREVIEW_SIZE, PREVIEW_SIZE);
        return gate.compose(() -> store(imageId, art.behind(preview, PREVIEW_SIZE, PREVIEW_SIZE), words,
                preview.style(), null, PREVIEW_SIZE, PREVIEW_SIZE, preview.provider(), null));
    }

    @Override
    public GeneratedImage renderChannelPoster(ChannelPosterRequest request) {
        ChannelType channel = request.channel();
        if (!channel.showsPoster()) {
            throw ApplicationFailure.newNonRetryableFailure(channel + " shows no image", "NoPosterForChannel");
        }
        PosterRequest poster = request.poster();
        PosterContent words = PosterWords.of(poster, urls);
        int width = channel.posterWidth();
        int height = channel.posterHeight();
        String imageId = PosterIds.channelPoster(poster.eventId(), channel.name(), poster.preview().imageId(), words,
                width, height);
        return gate.compose(() -> store(imageId, art.behind(poster.preview(), width, height), words,
                poster.preview().style(), null, width, height, poster.preview().provider(), null));
    }

    private GeneratedImage store(String imageId, BufferedImage background, PosterContent words, ImageStyle style,
                                 ImagePlatform platform, int width, int height, String provider, String apiFailure) {
        byte[] png = Png.encode(PosterCompositor.compose(background, words, width, height).image());
        blobs.write(imageId, png);
        Counter.builder(IMAGES_METRIC).description("generated images by the provider of their art")
                .tag("provider", provider).register(meters).increment();
        if (apiFailure != null && PROVIDER_RENDERER.equals(provider)) {
            Counter.builder(FALLBACK_METRIC)
                    .description("images on built-in art because the image API failed")
                    .tag("from", PROVIDER_IMAGE_API).tag("to", PROVIDER_RENDERER)
                    .tag("reason", apiFailure).register(meters).increment();
        }
        return new GeneratedImage(imageId, style, platform, width, height, urls.imageUrl(imageId), provider);
    }

    private static String newBatch() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
