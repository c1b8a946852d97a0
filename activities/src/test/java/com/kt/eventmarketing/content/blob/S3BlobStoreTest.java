package com.kt.eventmarketing.content.blob;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link S3BlobStore} against S3Proxy, a real S3-compatible server that checks the request signatures. */
@ExtendWith(OutputCaptureExtension.class)
class S3BlobStoreTest {

    private static final String BUCKET = "kt-images";
    private static S3ProxyServer server;
    private static S3BlobStore store;
    private static S3Client raw;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.shared();
        store = new S3BlobStore(server.settings(BUCKET).withCreateBucket(true));
        raw = S3Client.builder().endpointOverride(server.endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void closeClients() {
        store.close();
        raw.close();
    }

    @Test
    void writesAPngUnderThePrefixedKeyAndReadsTheSameBytesBack() {
        String imageId = newId();
        byte[] png = bytes(70_000);

        store.write(imageId, png);

        assertThat(store.read(imageId)).hasValueSatisfying(read -> assertThat(read).isEqualTo(png));
        // as stored on the server, independently of the store
        HeadObjectResponse head = raw.headObject(h -> h.bucket(BUCKET).key("images/" + imageId + ".png"));
        assertThat(head.contentType()).isEqualTo("image/png");
        assertThat(head.contentLength()).isEqualTo(png.length);
    }

    @Test
    void aSecondWriteReplacesTheImage() {
        String imageId = newId();
        store.write(imageId, bytes(5_000));
        byte[] second = bytes(3_000);

        store.write(imageId, second);

        assertThat(store.read(imageId)).hasValueSatisfying(read -> assertThat(read).isEqualTo(second));
    }

    @Test
    void anImageNeverWrittenReadsAsEmpty() {
        assertThat(store.read(newId())).isEmpty();
    }

    @Test
    void idsThatCouldEscapeTheKeyPrefixAreRejected() {
        for (String bad : new String[] {"../secret", "a/b", "x.png", "", "a b", "%2e%2e", "a".repeat(129)}) {
            assertThatThrownBy(() -> store.write(bad, bytes(10))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image id must match");
            assertThat(store.read(bad)).as(bad).isEmpty();
        }
        // nothing was written outside the prefix
        assertThatThrownBy(() -> raw.headObject(h -> h.bucket(BUCKET).key("secret")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aWrongSecretKeyFailsClearlyWithoutTheSecretInTheErrorOrTheLogs(CapturedOutput output) {
        String wrongSecret = "wrong-secret-" + UUID.randomUUID();
        String imageId = newId();
        store.write(imageId, bytes(100));
        Logger sdkLog = (Logger) LoggerFactory.getLogger("software.amazon.awssdk");
        Logger storeLog = (Logger) LoggerFactory.getLogger(S3BlobStore.class);
        Level sdkLevel = sdkLog.getLevel();
        Level storeLevel = storeLog.getLevel();
        sdkLog.setLevel(Level.DEBUG);   // the SDK's request logging too must not reveal it
        storeLog.setLevel(Level.DEBUG);
        try (S3BlobStore wrong = new S3BlobStore(
                BlobStoreProperties.S3.of(server.endpoint.toString(), null, BUCKET, S3ProxyServer.ACCESS_KEY,
                        wrongSecret))) {

            BlobStoreException onWrite = catchThrowableOfType(BlobStoreException.class,
                    () -> wrong.write(imageId, bytes(100)));
            // a refused read is an error, not "no such image"
            BlobStoreException onRead = catchThrowableOfType(BlobStoreException.class, () -> wrong.read(imageId));

            for (BlobStoreException e : new BlobStoreException[] {onWrite, onRead}) {
                assertThat(e).isNotNull();
                assertThat(e.getMessage()).contains("s3://" + BUCKET + "/images/" + imageId + ".png")
                        .contains("403").contains("SignatureDoesNotMatch");
                assertThat(stackTrace(e)).doesNotContain(wrongSecret).doesNotContain(S3ProxyServer.SECRET_KEY);
            }
            assertThat(onWrite.getMessage()).contains("could not store image " + imageId);
            assertThat(onRead.getMessage()).contains("could not read image " + imageId);
        } finally {
            sdkLog.setLevel(sdkLevel);
            storeLog.setLevel(storeLevel);
        }
        // the capture did see the store and the SDK at work
        assertThat(output.getAll()).contains("Images in S3 bucket " + BUCKET).contains("software.amazon.awssdk")
                .doesNotContain(wrongSecret).doesNotContain(S3ProxyServer.SECRET_KEY);
        // and the bytes are unchanged
        assertThat(store.read(imageId)).hasValueSatisfying(read -> assertThat(read).hasSize(100));
    }

    @Test
    void aMissingBucketIsAnErrorNotAMissingImage() {
        try (S3BlobStore noBucket = new S3BlobStore(server.settings("kt-no-such-bucket"))) {
            assertThatThrownBy(() -> noBucket.read(newId())).isInstanceOf(BlobStoreException.class)
                    .hasMessageContaining("s3://kt-no-such-bucket/images/").hasMessageContaining("NoSuchBucket");
        }
    }

    @Test
    void createBucketMakesAMissingBucketAndAcceptsAnExistingOne() {
        String bucket = "kt-created-" + UUID.randomUUID().toString().substring(0, 8);
        String imageId = newId();
        try (S3BlobStore first = new S3BlobStore(server.settings(bucket).withCreateBucket(true))) {
            first.write(imageId, bytes(64));
        }
        try (S3BlobStore again = new S3BlobStore(server.settings(bucket).withCreateBucket(true))) {
            assertThat(again.read(imageId)).hasValueSatisfying(read -> assertThat(read).hasSize(64));
        }
    }

    @Test
    void theSettingsNeverPrintTheSecretKey() {
        BlobStoreProperties.S3 settings = server.settings(BUCKET);
        assertThat(settings.toString()).contains("bucket=" + BUCKET).contains("secretKey=****")
                .doesNotContain(S3ProxyServer.SECRET_KEY).doesNotContain(S3ProxyServer.ACCESS_KEY);
        assertThat(new BlobStoreProperties(BlobStoreProperties.Type.S3, null, settings).toString())
                .doesNotContain(S3ProxyServer.SECRET_KEY);
    }

    private static String newId() {
        return "e1-" + UUID.randomUUID();
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
