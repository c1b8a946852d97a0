package com.kt.eventmarketing.content.api;

import com.kt.eventmarketing.content.blob.BlobStore;
import com.kt.eventmarketing.content.blob.BlobStoreException;
import com.kt.eventmarketing.gateway.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageControllerTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void servesStoredBytesCacheablePublicly() {
        var response = new ImageController(store(Optional.of(PNG), null)).image("img-1");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo(PNG);
        assertThat(response.getHeaders().getCacheControl()).contains("public").contains("max-age=604800");
    }

    @Test
    void anUnknownImageIs404() {
        assertThatThrownBy(() -> new ImageController(store(Optional.empty(), null)).image("nope"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void aStoreOutageIsARetryable503NotA500() {
        BlobStoreException outage = new BlobStoreException("could not read s3://kt-images/images/img-1.png",
                new IOException("connection refused"));
        assertThatThrownBy(() -> new ImageController(store(null, outage)).image("img-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    /** A store whose read answers {@code found}, or throws {@code failure}. */
    private static BlobStore store(Optional<byte[]> found, RuntimeException failure) {
        return new BlobStore() {
            @Override
            public void write(String imageId, byte[] png) {
                throw new UnsupportedOperationException("the gateway only reads");
            }

            @Override
            public Optional<byte[]> read(String imageId) {
                if (failure != null) {
                    throw failure;
                }
                return found;
            }
        };
    }
}
