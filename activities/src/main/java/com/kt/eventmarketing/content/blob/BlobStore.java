package com.kt.eventmarketing.content.blob;

import java.util.Optional;

/**
 * Where generated images are kept, by image id. The activities write; the gateway serves
 * {@code /api/v1/images/{imageId}.png} by reading. Implementations must be safe for concurrent use.
 */
public interface BlobStore {

    void write(String imageId, byte[] png);

    Optional<byte[]> read(String imageId);
}
