package com.kt.eventmarketing.content.blob;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kt.blob.type} picks the one {@link BlobStore} that workers and gateway share. */
class BlobStoreConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(BlobStoreConfiguration.class);

    @Test
    void byDefaultImagesGoToTheFileSystemDirectory(@TempDir Path dir) {
        runner.withPropertyValues("kt.blob.dir=" + dir).run(context -> {
            assertThat(context).hasSingleBean(BlobStore.class);
            BlobStore store = context.getBean(BlobStore.class);
            assertThat(store).isExactlyInstanceOf(FileSystemBlobStore.class);
            store.write("e1-a", new byte[] {1, 2, 3});
            assertThat(dir.resolve("e1-a.png")).exists();
            assertThat(Files.readAllBytes(dir.resolve("e1-a.png"))).containsExactly(1, 2, 3);
        });
    }

    @Test
    void typeS3BindsTheS3SettingsAndUsesTheBucket() {
        S3ProxyServer server = S3ProxyServer.shared();
        runner.withPropertyValues("kt.blob.type=s3", "kt.blob.dir=/nonexistent/not-used",
                "kt.blob.s3.endpoint=" + server.endpoint, "kt.blob.s3.bucket=kt-config-test",
                "kt.blob.s3.access-key=" + S3ProxyServer.ACCESS_KEY,
                "kt.blob.s3.secret-key=" + S3ProxyServer.SECRET_KEY, "kt.blob.s3.key-prefix=img/",
                "kt.blob.s3.read-timeout=7s", "kt.blob.s3.create-bucket=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(BlobStore.class);
            BlobStoreProperties.S3 s3 = context.getBean(BlobStoreProperties.class).s3();
            assertThat(s3.effectivePathStyle()).as("path-style by default with an endpoint").isTrue();
            assertThat(s3.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(s3.readTimeout()).isEqualTo(Duration.ofSeconds(7));
            BlobStore store = context.getBean(BlobStore.class);
            assertThat(store).isExactlyInstanceOf(S3BlobStore.class);
            assertThat(((S3BlobStore) store).key("e1-b")).isEqualTo("img/e1-b.png");

            store.write("e1-b", new byte[] {4, 5});
            assertThat(store.read("e1-b")).hasValueSatisfying(png -> assertThat(png).containsExactly(4, 5));
        });
    }

    @Test
    void theS3SettingsHaveUsableDefaults() {
        runner.withPropertyValues("kt.blob.type=S3", "kt.blob.s3.bucket=b", "kt.blob.s3.region=eu-west-1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BlobStoreProperties.S3 s3 = context.getBean(BlobStoreProperties.class).s3();
                    assertThat(s3.keyPrefix()).isEqualTo("images/");
                    assertThat(s3.effectivePathStyle()).as("virtual-hosted style on AWS").isFalse();
                    assertThat(s3.createBucket()).isFalse();
                    assertThat(context.getBean(BlobStore.class)).isInstanceOf(S3BlobStore.class);
                });
    }

    /** The environment variables docs/configuration.md documents. */
    @Test
    void theS3SettingsBindFromEnvironmentVariables() {
        Map<String, Object> env = Map.of("KT_BLOB_TYPE", "s3", "KT_BLOB_S3_ENDPOINT", "http://127.0.0.1:9000",
                "KT_BLOB_S3_BUCKET", "kt-images", "KT_BLOB_S3_ACCESS_KEY", "minio-user",
                "KT_BLOB_S3_SECRET_KEY", "minio-secret", "KT_BLOB_S3_PATH_STYLE", "false",
                "KT_BLOB_S3_KEY_PREFIX", "posters/", "KT_BLOB_S3_CREATE_BUCKET", "false");
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BlobStoreProperties properties = context.getBean(BlobStoreProperties.class);
                    assertThat(properties.type()).isEqualTo(BlobStoreProperties.Type.S3);
                    assertThat(properties.s3()).isEqualTo(new BlobStoreProperties.S3("http://127.0.0.1:9000",
                            null, "kt-images", "minio-user", "minio-secret", false, "posters/",
                            Duration.ofSeconds(5), Duration.ofSeconds(30), false));
                    assertThat(context.getBean(BlobStore.class)).isInstanceOf(S3BlobStore.class);
                });
    }

    @Test
    void s3WithoutABucketStopsTheStartWithTheSettingToFix() {
        runner.withPropertyValues("kt.blob.type=s3").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("kt.blob.s3.bucket must be set"));
    }

    @Test
    void anAccessKeyWithoutASecretKeyIsRefusedRatherThanSilentlyUsingAnotherIdentity() {
        runner.withPropertyValues("kt.blob.type=s3", "kt.blob.s3.bucket=b", "kt.blob.s3.access-key=AKIA")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("kt.blob.s3.access-key and kt.blob.s3.secret-key go together"));
    }

    @Test
    void anUnknownTypeStopsTheStart() {
        runner.withPropertyValues("kt.blob.type=gcs").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("kt.blob.type"));
    }
}
