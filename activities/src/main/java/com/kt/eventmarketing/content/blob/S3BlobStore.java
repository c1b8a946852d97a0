package com.kt.eventmarketing.content.blob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.util.Optional;

/**
 * Keeps each image as the object {@code <keyPrefix><imageId>.png} (content type {@code image/png}) in an S3 bucket,
 * on AWS or any S3-compatible server ({@code kt.blob.type=s3}, settings {@code kt.blob.s3.*}). Uses the SDK's small
 * JDK {@code URLConnection} HTTP client. A missing object reads as empty; anything else that goes wrong (no such
 * bucket, refused credentials, server unreachable) is a {@link BlobStoreException} naming bucket and key, never the
 * credentials.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);
    static final String CONTENT_TYPE = "image/png";

    private final S3Client s3;
    private final String bucket;
    private final String keyPrefix;
    private final String where;
    private final String secretKey;

    public S3BlobStore(BlobStoreProperties.S3 settings) {
        if (blank(settings.bucket())) {
            throw new IllegalArgumentException("kt.blob.s3.bucket must be set when kt.blob.type=s3");
        }
        if (blank(settings.accessKey()) != blank(settings.secretKey())) {
            throw new IllegalArgumentException("kt.blob.s3.access-key and kt.blob.s3.secret-key go together: set "
                    + "both, or neither to use the AWS SDK's default credentials chain");
        }
        this.bucket = settings.bucket().trim();
        this.keyPrefix = settings.keyPrefix() == null ? "" : settings.keyPrefix();
        this.secretKey = blank(settings.secretKey()) ? null : settings.secretKey();
        this.where = settings.hasEndpoint() ? " at " + settings.endpoint().trim() : "";

        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.readTimeout()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.effectivePathStyle());
        if (settings.hasEndpoint()) {
            URI endpoint;
            try {
                endpoint = URI.create(settings.endpoint().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kt.blob.s3.endpoint is not a URL: " + settings.endpoint(), e);
            }
            builder.endpointOverride(endpoint)
                    // S3-compatible servers differ in their support of the SDK's default flexible checksums
                    // (aws-chunked uploads with a trailing CRC); send and check them only where S3 requires them.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        if (!blank(settings.region())) {
            builder.region(Region.of(settings.region().trim()));
        } else if (settings.hasEndpoint()) {
            builder.region(Region.US_EAST_1);
        }
        this.s3 = builder.build();
        log.info("Images in S3 bucket {}{} under key prefix '{}' (path-style {}, credentials: {})", bucket, where,
                keyPrefix, settings.effectivePathStyle(),
                secretKey == null ? "AWS SDK default chain" : "kt.blob.s3.access-key/secret-key");
        if (settings.createBucket()) {
            createBucketIfMissing(blank(settings.region()) ? null : settings.region().trim());
        }
    }

    @Override
    public void write(String imageId, byte[] png) {
        String key = key(ImageIds.requireSafe(imageId));
        try {
            s3.putObject(put -> put.bucket(bucket).key(key).contentType(CONTENT_TYPE)
                    .contentLength((long) png.length), RequestBody.fromBytes(png));
        } catch (SdkException e) {
            throw failure("could not store image " + imageId, key, e);
        }
    }

    @Override
    public Optional<byte[]> read(String imageId) {
        if (!ImageIds.isSafe(imageId)) {
            return Optional.empty();
        }
        String key = key(imageId);
        try {
            return Optional.of(s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // some servers answer a missing key with a bare 404; a missing bucket is a configuration error
            if (e.statusCode() == 404 && !(e instanceof NoSuchBucketException) && !"NoSuchBucket".equals(code(e))) {
                return Optional.empty();
            }
            throw failure("could not read image " + imageId, key, e);
        } catch (SdkException e) {
            throw failure("could not read image " + imageId, key, e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    String key(String imageId) {
        return keyPrefix + imageId + ".png";
    }

    private void createBucketIfMissing(String region) {
        try {
            s3.headBucket(head -> head.bucket(bucket));
            return;
        } catch (NoSuchBucketException e) {
            // create it below
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw failure("could not check bucket", null, e);
            }
        } catch (SdkException e) {
            throw failure("could not check bucket", null, e);
        }
        try {
            s3.createBucket(create -> {
                create.bucket(bucket);
                if (region != null && !Region.US_EAST_1.id().equals(region)) {
                    create.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
            log.info("Created S3 bucket {}{}", bucket, where);
        } catch (BucketAlreadyOwnedByYouException e) {
            // created concurrently by another process
        } catch (SdkException e) {
            throw failure("could not create bucket", null, e);
        }
    }

    private static AwsCredentialsProvider credentials(BlobStoreProperties.S3 settings) {
        if (blank(settings.accessKey())) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().trim(),
                settings.secretKey()));
    }

    private BlobStoreException failure(String what, String key, SdkException e) {
        String object = key == null ? "s3://" + bucket : "s3://" + bucket + "/" + key;
        String reason = e instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                ? "HTTP " + s3e.statusCode() + " " + code(s3e) + ": " + s3e.awsErrorDetails().errorMessage()
                : e.getMessage();
        return new BlobStoreException(scrub("S3 blob store " + what + " (" + object + where + "): " + reason), e);
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** The secret key is never sent, so no server can echo it; this only guards against a mistake here. */
    private String scrub(String message) {
        return secretKey == null || message == null ? message : message.replace(secretKey, "****");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
