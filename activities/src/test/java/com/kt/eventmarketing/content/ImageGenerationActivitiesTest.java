package com.kt.eventmarketing.content;

import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.content.blob.BlobStoreProperties;
import com.kt.eventmarketing.content.blob.FileSystemBlobStore;
import com.kt.eventmarketing.content.imageapi.ImageApiClient;
import com.kt.eventmarketing.content.imageapi.ImageApiProperties;
import com.kt.eventmarketing.content.render.Png;
import com.kt.eventmarketing.content.render.PosterRenderer;
import com.kt.eventmarketing.shared.SandboxServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImageGenerationActivitiesTest {

    private static final ImageRequest REQUEST = new ImageRequest(7, "맛있는 치킨", "음식점", "주말 인증샷 이벤트",
            "치킨 1마리", "http://127.0.0.1:8080/e/7");

    private final SandboxServer sandbox = SandboxServer.get();
    private TestActivityEnvironment environment;
    private FileSystemBlobStore blobs;
    private ImageGenerationActivities activities;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void setUp(@TempDir Path blobDir) {
        sandbox.reset();
        blobs = new FileSystemBlobStore(new BlobStoreProperties(blobDir));
        ImageApiClient imageApi = new ImageApiClient(new ImageApiProperties(true, null, "gpt-image-1", "key",
                Duration.ofSeconds(10), "1024x1024", "1536x1024", "1024x1536"), sandbox.clients(),
                SandboxServer.guard());
        environment = TestActivityEnvironment.newInstance();
        environment.registerActivitiesImplementations(new ImageGenerationActivitiesImpl(imageApi,
                new PosterRenderer(), blobs, new PublicUrlProperties(URI.create("http://127.0.0.1:8080")), meters));
        activities = environment.newActivityStub(ImageGenerationActivities.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
    }

    @AfterEach
    void tearDown() {
        environment.close();
    }

    /** The sandbox, like the real API, rejects 1080x1080 or 800x600: the client asks for supported sizes and fits. */
    @Test
    void theImageApiDrawsNineImagesInSupportedSizesFittedToThePlatformSizes() {
        List<GeneratedImage> images = activities.generateImages(REQUEST);

        assertThat(images).hasSize(9).allSatisfy(image ->
                assertThat(image.provider()).isEqualTo(ImageGenerationActivitiesImpl.PROVIDER_IMAGE_API));
        assertStoredPngsHavePlatformSizes(images);
        assertThat(sandbox.requests("images")).contains("\"status\":200").doesNotContain("\"status\":400");
        assertThat(meters.counter(ImageGenerationActivitiesImpl.IMAGES_METRIC, "provider", "image-api").count())
                .isEqualTo(9);
        assertThat(meters.find(ImageGenerationActivitiesImpl.FALLBACK_METRIC).counters()).isEmpty();
    }

    @Test
    void whenTheImageApiIsDownTheRendererDrawsThemAfterOneFailedCall() {
        sandbox.setFaults("images", "{\"outage\":true}");

        List<GeneratedImage> images = activities.generateImages(REQUEST);

        assertThat(images).hasSize(9).allSatisfy(image ->
                assertThat(image.provider()).isEqualTo(ImageGenerationActivitiesImpl.PROVIDER_RENDERER));
        assertStoredPngsHavePlatformSizes(images);
        assertThat(images.get(0).url()).startsWith("http://127.0.0.1:8080/api/v1/images/").endsWith(".png");
        assertThat(sandbox.requests("images").split("\"method\"")).hasSize(2);
        assertThat(meters.get(ImageGenerationActivitiesImpl.FALLBACK_METRIC)
                .tags("to", "renderer", "reason", "ExternalServerError").counter().count()).isEqualTo(9);
        assertThat(meters.counter(ImageGenerationActivitiesImpl.IMAGES_METRIC, "provider", "renderer").count())
                .isEqualTo(9);
    }

    @Test
    void aDisabledImageApiIsNotAFallback() {
        ImageApiClient disabled = new ImageApiClient(new ImageApiProperties(false, null, "gpt-image-1", "key",
                Duration.ofSeconds(10), "1024x1024", "1536x1024", "1024x1536"), sandbox.clients(),
                SandboxServer.guard());
        environment.close();
        environment = TestActivityEnvironment.newInstance();
        environment.registerActivitiesImplementations(new ImageGenerationActivitiesImpl(disabled,
                new PosterRenderer(), blobs, new PublicUrlProperties(URI.create("http://127.0.0.1:8080")), meters));

        List<GeneratedImage> images = environment.newActivityStub(ImageGenerationActivities.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build())
                .generateImages(REQUEST);

        assertThat(images).hasSize(9).allSatisfy(image -> assertThat(image.provider()).isEqualTo("renderer"));
        assertThat(meters.find(ImageGenerationActivitiesImpl.FALLBACK_METRIC).counters()).isEmpty();
        assertThat(sandbox.requests("images")).isEqualTo("[]");
    }

    private void assertStoredPngsHavePlatformSizes(List<GeneratedImage> images) {
        for (GeneratedImage image : images) {
            BufferedImage png = Png.decode(blobs.read(image.imageId()).orElseThrow());
            assertThat(png.getWidth()).isEqualTo(image.platform().width()).isEqualTo(image.width());
            assertThat(png.getHeight()).isEqualTo(image.platform().height()).isEqualTo(image.height());
        }
    }
}
