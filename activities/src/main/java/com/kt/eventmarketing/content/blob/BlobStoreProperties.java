package com.kt.eventmarketing.content.blob;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where images are kept ({@link BlobStoreConfiguration} picks the store).
 *
 * @param type {@code filesystem} (default) or {@code s3} (env {@code KT_BLOB_TYPE})
 * @param dir  directory of the file-system blob store (env {@code KT_BLOB_DIR})
 * @param s3   the S3-compatible store, used when {@code type} is {@code s3} (env {@code KT_BLOB_S3_*})
 */
@ConfigurationProperties("kt.blob")
public record BlobStoreProperties(Type type, Path dir, S3 s3) {

    public enum Type { FILESYSTEM, S3 }

    @ConstructorBinding
    public BlobStoreProperties(@DefaultValue("filesystem") Type type, @DefaultValue(".local/blobs") Path dir,
                               @DefaultValue S3 s3) {
        this.type = type;
        this.dir = dir;
        this.s3 = s3;
    }

    /** A file-system store in {@code dir}. */
    public BlobStoreProperties(Path dir) {
        this(Type.FILESYSTEM, dir, S3.of(null, null, null, null, null));
    }

    /**
     * An S3 bucket, on AWS or any S3-compatible server (MinIO, S3Proxy, Ceph RGW, ...). Objects are
     * {@code <keyPrefix><imageId>.png}.
     *
     * @param endpoint       URL of an S3-compatible server; absent for AWS S3
     * @param region         signing region; absent: {@code us-east-1} with an endpoint, else the SDK's region chain
     * @param bucket         required
     * @param accessKey      with {@code secretKey}: static credentials; both absent: the SDK's default credentials
     *                       chain ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profile, instance role...)
     * @param secretKey      never logged; {@link #toString()} masks it
     * @param pathStyle      {@code http://host/bucket/key} instead of {@code http://bucket.host/key}; absent: on
     *                       exactly when an endpoint is set
     * @param keyPrefix      prepended to every object key
     * @param connectTimeout TCP connect timeout
     * @param readTimeout    socket read timeout
     * @param createBucket   create the bucket at start if it is missing (local stacks)
     */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey,
                     Boolean pathStyle, @DefaultValue("images/") String keyPrefix,
                     @DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
                     @DefaultValue("false") boolean createBucket) {

        /** Settings with the defaults for everything not given. */
        public static S3 of(String endpoint, String region, String bucket, String accessKey, String secretKey) {
            return new S3(endpoint, region, bucket, accessKey, secretKey, null, "images/", Duration.ofSeconds(5),
                    Duration.ofSeconds(30), false);
        }

        public S3 withCreateBucket(boolean create) {
            return new S3(endpoint, region, bucket, accessKey, secretKey, pathStyle, keyPrefix, connectTimeout,
                    readTimeout, create);
        }

        public boolean hasEndpoint() {
            return endpoint != null && !endpoint.isBlank();
        }

        public boolean effectivePathStyle() {
            return pathStyle != null ? pathStyle : hasEndpoint();
        }

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket
                    + ", accessKey=" + mask(accessKey) + ", secretKey=" + mask(secretKey)
                    + ", pathStyle=" + pathStyle + ", keyPrefix=" + keyPrefix + ", connectTimeout=" + connectTimeout
                    + ", readTimeout=" + readTimeout + ", createBucket=" + createBucket + "]";
        }

        private static String mask(String secret) {
            return secret == null || secret.isBlank() ? "(not set)" : "****";
        }
    }
}
