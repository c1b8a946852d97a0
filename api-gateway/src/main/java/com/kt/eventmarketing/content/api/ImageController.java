package com.kt.eventmarketing.content.api;

import com.kt.eventmarketing.content.blob.BlobStore;
import com.kt.eventmarketing.content.blob.BlobStoreException;
import com.kt.eventmarketing.gateway.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/** Serves the generated SNS images. Public: channels and customers fetch them without an account. */
@RestController
@Tag(name = "Images")
public class ImageController {
    private static final Logger log = LoggerFactory.getLogger(ImageController.class);

    private final BlobStore blobs;

    public ImageController(BlobStore blobs) {
        this.blobs = blobs;
    }

    @GetMapping(value = "/api/v1/images/{imageId}.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "A generated image as PNG")
    public ResponseEntity<byte[]> image(@PathVariable String imageId) {
        byte[] png;
        try {
            png = blobs.read(imageId).orElseThrow(() -> ApiException.notFound("image " + imageId));
        } catch (BlobStoreException e) {
            // the store (S3, a disk) is down, not the request wrong: a retryable 503, never a 500
            log.warn("image {} not served: {}", imageId, e.getMessage());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Image store unavailable",
                    "the image store did not answer; try again shortly", List.of());
        }
        // Image ids are never reused, so the bytes behind a URL never change.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic()).body(png);
    }
}
