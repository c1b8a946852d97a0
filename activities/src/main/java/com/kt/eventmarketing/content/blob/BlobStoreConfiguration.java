package com.kt.eventmarketing.content.blob;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link BlobStore} of a process, chosen by {@code kt.blob.type}. Workers (which write) and the gateway
 * (which serves {@code /api/v1/images/...}) both scan this package, so they always use the same kind of store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BlobStoreProperties.class)
public class BlobStoreConfiguration {

    /** An {@link S3BlobStore} is closed with the context (Spring infers {@code close()}). */
    @Bean
    public BlobStore blobStore(BlobStoreProperties properties) {
        return switch (properties.type()) {
            case FILESYSTEM -> new FileSystemBlobStore(properties);
            case S3 -> new S3BlobStore(properties.s3());
        };
    }
}
