package com.kt.eventmarketing.content;

import com.kt.eventmarketing.content.blob.BlobStoreProperties;
import com.kt.eventmarketing.content.blob.FileSystemBlobStore;
import com.kt.eventmarketing.content.imageapi.ImageApiClient;
import com.kt.eventmarketing.content.imageapi.ImageApiProperties;
import com.kt.eventmarketing.content.render.Png;
import com.kt.eventmarketing.content.render.PosterCompositor;
import com.kt.eventmarketing.testsupport.qr.QrDecoding;
import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.events.Colors;
import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.shared.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageGenerationActivitiesTest {

    private static final ImageRequest REQUEST = new ImageRequest(7, "맛있는 치킨", "음식점", "주말 인증샷 이벤트",
            "치킨 1마리", "http://127.0.0.1:8080/e/7");
    private static final PublicUrlProperties URLS = new PublicUrlProperties(URI.create("http://127.0.0.1:8080"));

    private final SandboxServer sandbox = SandboxServer.get();
    private TestActivityEnvironment environment;
    private FileSystemBlobStore blobs;
    private PosterArt art;
    private ImageGenerationActivities activities;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void setUp(@TempDir Path blobDir) {
        sandbox.reset();
        blobs = new FileSystemBlobStore(new BlobStoreProperties(blobDir));
        activities = activitiesWith(imageApi(true));
    }

    @AfterEach
    void tearDown() {
        environment.close();
    }

    /** The sandbox, like the real API, rejects 1080x1080: the client asks for the supported square and scales it. */
    @Test
    void theImageApiDrawsTheArtOfOneSquarePreviewPerStyle() {
        List<GeneratedImage> previews = activities.generatePreviews(REQUEST);

        assertThat(previews).extracting(GeneratedImage::style).containsExactly(ImageStyle.values());
        assertThat(previews).allSatisfy(preview -> {
            assertThat(preview.provider()).isEqualTo(ImageGenerationActivitiesImpl.PROVIDER_IMAGE_API);
            assertThat(preview.platform()).as("a look, not a platform").isNull();
            assertThat(blobs.read(PosterArt.artId(preview.imageId()))).as("art kept for re-draws").isPresent();
        });
        assertStoredSizes(previews, 1080, 1080);
        String log = sandbox.requests("images");
        assertThat(log.split("\"method\"")).as("one art per style").hasSize(4);
        assertThat(log).contains("\"status\":200").doesNotContain("\"status\":400");
        assertThat(meters.counter(ImageGenerationActivitiesImpl.IMAGES_METRIC, "provider", "image-api").count()).isEqualTo(3);
        assertThat(meters.find(ImageGenerationActivitiesImpl.FALLBACK_METRIC).counters()).isEmpty();
    }

    /**
     * The first style's art is asked for alone (so an outage costs one call), the other two at once: with the
     * provider taking 1.5 s per picture, the second and third answers come together, 1.5 s after the first.
     */
    @Test
    void afterTheFirstStylesArtTheOtherTwoAreAskedForAtOnce() {
        long latencyMs = 1500;
        sandbox.setFaults("images", "{\"latencyMs\":" + latencyMs + "}");

        List<GeneratedImage> previews = activities.generatePreviews(REQUEST);

        assertThat(previews).extracting(GeneratedImage::provider).containsOnly(ImageGenerationActivitiesImpl.PROVIDER_IMAGE_API);
        List<Instant> answered = Pattern.compile("\"time\"\\s*:\\s*\"([^\"]+)\"").matcher(sandbox.requests("images"))
                .results().map(m -> Instant.parse(m.group(1))).sorted().toList();
        assertThat(answered).hasSize(3);
        assertThat(Duration.between(answered.get(0), answered.get(1)).toMillis()).as("the second waited for the first")
                .isGreaterThanOrEqualTo(latencyMs - 100);
        assertThat(Duration.between(answered.get(1), answered.get(2)).toMillis()).as("the second and third ran together")
                .isLessThan(latencyMs / 2);
    }

    @Test
    void whenTheImageApiIsDownTheBuiltInArtIsUsedAfterOneFailedCall() {
        sandbox.setFaults("images", "{\"outage\":true}");

        List<GeneratedImage> previews = activities.generatePreviews(REQUEST);

        assertThat(previews).hasSize(3).allSatisfy(image ->
                assertThat(image.provider()).isEqualTo(ImageGenerationActivitiesImpl.PROVIDER_RENDERER));
        assertStoredSizes(previews, 1080, 1080);
        assertThat(previews.get(0).url()).startsWith("http://127.0.0.1:8080/api/v1/images/").endsWith(".png");
        assertThat(sandbox.requests("images").split("\"method\"")).hasSize(2);
        assertThat(meters.get(ImageGenerationActivitiesImpl.FALLBACK_METRIC)
                .tags("to", "renderer", "reason", "ExternalServerError").counter().count()).isEqualTo(3);
    }

    /**
     * The provider's quota limits the image API calls themselves (the content queue has no queue-wide rate any more,
     * so composing posters never waits behind it): over quota, the art comes from the built-in renderer.
     */
    @Test
    void callsBeyondTheImageApiQuotaGetTheBuiltInArtWithoutReachingTheApi() {
        environment.close();
        ImageGenerationActivities quotaOfOne = activitiesWith(imageApi(true, 1, Duration.ofHours(1), Duration.ZERO));

        List<GeneratedImage> previews = quotaOfOne.generatePreviews(REQUEST);

        assertThat(previews).extracting(GeneratedImage::provider).containsExactly(
                ImageGenerationActivitiesImpl.PROVIDER_IMAGE_API, ImageGenerationActivitiesImpl.PROVIDER_RENDERER,
                ImageGenerationActivitiesImpl.PROVIDER_RENDERER);
        assertThat(sandbox.requests("images").split("\"method\"")).as("one call within the quota").hasSize(2);
        assertThat(meters.get(ImageGenerationActivitiesImpl.FALLBACK_METRIC)
                .tags("reason", ImageApiClient.RATE_LIMITED).counter().count()).isEqualTo(2);
    }

    @Test
    void aDisabledImageApiIsNotAFallback() {
        environment.close();
        ImageGenerationActivities disabled = activitiesWith(imageApi(false));

        assertThat(disabled.generatePreviews(REQUEST)).hasSize(3)
                .allSatisfy(image -> assertThat(image.provider()).isEqualTo("renderer"));
        assertThat(meters.find(ImageGenerationActivitiesImpl.FALLBACK_METRIC).counters()).isEmpty();
        assertThat(sandbox.requests("images")).isEqualTo("[]");
    }

    /** Workflows started before the poster pipeline still call generateImages: nine images, platform sizes. */
    @Test
    void theNineImageSetOfOlderWorkflowsIsStillDrawn() {
        List<GeneratedImage> images = activities.generateImages(REQUEST);

        assertThat(images).hasSize(9);
        for (GeneratedImage image : images) {
            BufferedImage png = Png.decode(blobs.read(image.imageId()).orElseThrow());
            assertThat(png.getWidth()).isEqualTo(image.platform().width()).isEqualTo(image.width());
            assertThat(png.getHeight()).isEqualTo(image.platform().height()).isEqualTo(image.height());
        }
        assertThat(sandbox.requests("images").split("\"method\"")).as("one art per style, not per image").hasSize(4);
    }

    @Test
    void anEditRedrawsThePreviewWithTheNewWordsUnderANewIdAndTheOldOneStaysServed() {
        GeneratedImage fancy = activities.generatePreviews(REQUEST).get(1);
        PosterRequest edit = new PosterRequest(7, fancy, "맛있는 치킨", "크리스마스 치킨 파티", "반반 치킨 1마리",
                "매장 QR로 참여하세요", new Colors("#FFFFFF", "#222222", "#D32F2F"), null, null);

        GeneratedImage redrawn = activities.renderPreview(edit);

        assertThat(redrawn.imageId()).isNotEqualTo(fancy.imageId()).startsWith(fancy.imageId() + "-r");
        assertThat(redrawn.style()).isEqualTo(ImageStyle.FANCY);
        assertThat(blobs.read(fancy.imageId())).as("the old id keeps serving what was shown").isPresent();
        BufferedImage stored = Png.decode(blobs.read(redrawn.imageId()).orElseThrow());
        BufferedImage expected = PosterCompositor.compose(art.behind(fancy, 1080, 1080), PosterWords.of(edit, URLS),
                1080, 1080).image();
        assertThat(samePixels(stored, expected)).as("drawn with the edited title, prize, guide and colours").isTrue();
        assertThat(samePixels(stored, Png.decode(blobs.read(fancy.imageId()).orElseThrow()))).isFalse();
        assertThat(activities.renderPreview(edit).imageId()).as("the same edit, the same image").isEqualTo(redrawn.imageId());
    }

    @Test
    void channelPostersHaveTheChannelsSizesAndARetryOverwritesTheSameImage() throws Exception {
        GeneratedImage trendy = activities.generatePreviews(REQUEST).get(2);
        PosterRequest poster = new PosterRequest(7, trendy, "맛있는 치킨", "주말 인증샷 이벤트", "치킨 1마리",
                "매장 QR로 참여하세요", new Colors("#FFF8E1", "#212121", "#FF5722"),
                Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-07T13:00:00Z"));

        for (ChannelType channel : Arrays.stream(ChannelType.values()).filter(ChannelType::showsPoster).toList()) {
            GeneratedImage image = activities.renderChannelPoster(new ChannelPosterRequest(poster, channel));
            BufferedImage png = Png.decode(blobs.read(image.imageId()).orElseThrow());
            assertThat(new int[]{png.getWidth(), png.getHeight()}).as(channel.name())
                    .containsExactly(channel.posterWidth(), channel.posterHeight());
            assertThat(activities.renderChannelPoster(new ChannelPosterRequest(poster, channel)).imageId())
                    .as("deterministic id: a retried activity overwrites its own image").isEqualTo(image.imageId());
            assertThat(QrDecoding.decode(png))
                    .isEqualTo("http://127.0.0.1:8080/e/7?via=STORE_VISIT");
        }
        assertThat(ChannelType.INSTAGRAM.posterWidth()).isEqualTo(1080);
        assertThat(new int[]{ChannelType.GINITV.posterWidth(), ChannelType.GINITV.posterHeight()}).containsExactly(1920, 1080);
        assertThatThrownBy(() -> activities.renderChannelPoster(new ChannelPosterRequest(poster, ChannelType.RINGOBIZ)))
                .isInstanceOf(ActivityFailure.class).cause().isInstanceOfSatisfying(ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo("NoPosterForChannel"));
    }

    @Test
    void thePeriodIsWrittenTheKoreanWay() {
        assertThat(PosterWords.period(Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-07T13:00:00Z")))
                .isEqualTo("12.1(화) ~ 12.7(월)");
        assertThat(PosterWords.period(null, null)).isNull();
    }

    private ImageApiClient imageApi(boolean enabled) {
        return imageApi(enabled, 10, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    private ImageApiClient imageApi(boolean enabled, int quotaCalls, Duration quotaPeriod, Duration quotaWait) {
        return new ImageApiClient(new ImageApiProperties(enabled, null, "gpt-image-1", "key", Duration.ofSeconds(10),
                "1024x1024", "1536x1024", "1024x1536", quotaCalls, quotaPeriod, quotaWait), sandbox.clients(),
                SandboxServer.guard(), meters);
    }

    private ImageGenerationActivities activitiesWith(ImageApiClient imageApi) {
        art = new PosterArt(imageApi, blobs);
        environment = TestActivityEnvironment.newInstance();
        environment.registerActivitiesImplementations(new ImageGenerationActivitiesImpl(art, blobs, URLS, meters,
                new CompositionGate(2, meters)));
        return environment.newActivityStub(ImageGenerationActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
    }

    private void assertStoredSizes(List<GeneratedImage> images, int width, int height) {
        for (GeneratedImage image : images) {
            BufferedImage png = Png.decode(blobs.read(image.imageId()).orElseThrow());
            assertThat(png.getWidth()).isEqualTo(width).isEqualTo(image.width());
            assertThat(png.getHeight()).isEqualTo(height).isEqualTo(image.height());
        }
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    return false;
                }
            }
        }
        return true;
    }
}
