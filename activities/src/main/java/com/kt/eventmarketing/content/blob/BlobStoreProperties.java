package com.kt.eventmarketing.content.blob;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** @param dir directory of the file-system blob store (env {@code KT_BLOB_DIR}) */
@ConfigurationProperties("kt.blob")
public record BlobStoreProperties(@DefaultValue(".local/blobs") Path dir) {
}
