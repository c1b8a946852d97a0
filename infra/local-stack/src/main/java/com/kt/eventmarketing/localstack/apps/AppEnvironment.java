package com.kt.eventmarketing.localstack.apps;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the servers are, as the applications read it: the {@code KT_*} variables their {@code application.yml}
 * resolve. The one place that spells them for a stack started from this repository — the launcher, the benchmark
 * harness and the end-to-end tests all wire their child JVMs through it.
 *
 * @param externalBaseUrl the third-party APIs (the sandbox locally); null until the sandbox listens
 * @param publicBaseUrl   the gateway's public address, drawn into posters' QR codes and links; null until it listens
 * @param blobDirectory   the poster store, shared by the pool that draws and the gateway that serves
 * @param allowDevKeys    accept the repository's published development keys (a stack on this machine only)
 */
public record AppEnvironment(String jdbcUrl, String dbUser, String dbPassword, String redisUrl, String kafkaBootstrap,
                             String temporalTarget, String externalBaseUrl, String publicBaseUrl, Path blobDirectory,
                             boolean allowDevKeys) {
    public AppEnvironment {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(temporalTarget, "temporalTarget");
        Objects.requireNonNull(blobDirectory, "blobDirectory");
    }

    public AppEnvironment withExternalBaseUrl(String url) {
        return new AppEnvironment(jdbcUrl, dbUser, dbPassword, redisUrl, kafkaBootstrap, temporalTarget, url,
                publicBaseUrl, blobDirectory, allowDevKeys);
    }

    public AppEnvironment withPublicBaseUrl(String url) {
        return new AppEnvironment(jdbcUrl, dbUser, dbPassword, redisUrl, kafkaBootstrap, temporalTarget, externalBaseUrl,
                url, blobDirectory, allowDevKeys);
    }

    /** The variables, in a stable order for printing; an address not known yet is left out. */
    public Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KT_DB_URL", jdbcUrl);
        env.put("KT_DB_USER", dbUser);
        env.put("KT_DB_PASSWORD", dbPassword);
        env.put("KT_REDIS_URL", redisUrl);
        env.put("KT_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("KT_TEMPORAL_TARGET", temporalTarget);
        if (externalBaseUrl != null) {
            env.put("KT_EXTERNAL_BASE_URL", externalBaseUrl);
        }
        if (publicBaseUrl != null) {
            env.put("KT_PUBLIC_BASE_URL", publicBaseUrl);
        }
        env.put("KT_BLOB_DIR", blobDirectory.toString());
        if (allowDevKeys) {
            // the apps refuse the published development keys (and a missing key) without this switch
            env.put("KT_ALLOW_DEV_KEYS", "true");
        }
        return env;
    }
}
