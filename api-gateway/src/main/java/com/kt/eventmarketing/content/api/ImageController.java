package com.kt.eventmarketing.content.api;

import com.kt.eventmarketing.content.blob.BlobStore;
import com.kt.eventmarketing.gateway.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/** Serves the generated SNS images. Public: channels and customers fetch them without an account. */
@RestController
@Tag(name = "Images")
public class ImageController {
    private final BlobStore blobs;

    public ImageController(BlobStore blobs) {
        this.blobs = blobs;
    }

    @GetMapping(value = "/api/v1/images/{imageId}.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "A generated image as PNG")
    public ResponseEntity<byte[]> image(@PathVariable String imageId) {
        byte[] png = blobs.read(imageId).orElseThrow(() -> ApiException.notFound("image " + imageId));
        // Image ids are never reused, so the bytes behind a URL never change.
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic()).body(png);
    }
}
