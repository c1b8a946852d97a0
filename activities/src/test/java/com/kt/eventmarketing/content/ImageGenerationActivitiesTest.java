package com.kt.eventmarketing.content;

import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.content.blob.BlobStoreProperties;
import com.kt.eventmarketing.content.blob.FileSystemBlobStore;
import com.kt.eventmarketing.content.imageapi.ImageApiClient;
import com.kt.eventmarketing.content.imageapi.ImageApiProperties;
import com.kt.eventmarketing.content.render.Png;
import com.kt.eventmarketing.content.render.PosterRenderer;
import com.kt.eventmarketing.shared.SandboxServer;
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

    @BeforeEach
    void setUp(@TempDir Path blobDir) {
        sandbox.reset();
        blobs = new FileSystemBlobStore(new BlobStoreProperties(blobDir));
        ImageApiClient imageApi = new ImageApiClient(new ImageApiProperties(true, null, "gpt-image-1", "key",
                Duration.ofSeconds(10)), sandbox.clients(), SandboxServer.guard());
        environment = TestActivityEnvironment.newInstance();
        environment.registerActivitiesImplementations(new ImageGenerationActivitiesImpl(imageApi,
                new PosterRenderer(), blobs, new PublicUrlProperties(URI.create("http://127.0.0.1:8080"))));
        activities = environment.newActivityStub(ImageGenerationActivities.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
    }

    @AfterEach
    void tearDown() {
        environment.close();
    }

    @Test
    void theImageApiDrawsNineImagesInThePlatformSizes() {
        List<GeneratedImage> images = activities.generateImages(REQUEST);

        assertThat(images).hasSize(9).allSatisfy(image ->
                assertThat(image.provider()).isEqualTo(ImageGenerationActivitiesImpl.PROVIDER_IMAGE_API));
        assertStoredPngsHavePlatformSizes(images);
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
    }

    private void assertStoredPngsHavePlatformSizes(List<GeneratedImage> images) {
        for (GeneratedImage image : images) {
            BufferedImage png = Png.decode(blobs.read(image.imageId()).orElseThrow());
            assertThat(png.getWidth()).isEqualTo(image.platform().width()).isEqualTo(image.width());
            assertThat(png.getHeight()).isEqualTo(image.platform().height()).isEqualTo(image.height());
        }
    }
}
