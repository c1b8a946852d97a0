package com.kt.eventmarketing.shared.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the external systems live unless a provider sets its own {@code base-url}, and how long to wait for a
 * connection. Locally every provider is the sandbox, so one base URL (env {@code KT_EXTERNAL_BASE_URL}) moves them all.
 *
 * @param baseUrl        root of all providers; each adds its own path (e.g. {@code /v1}, {@code /instagram/v21.0})
 * @param connectTimeout TCP connect timeout of every external call
 */
@ConfigurationProperties("kt.external")
public record ExternalHttpProperties(@DefaultValue("http://127.0.0.1:8090") URI baseUrl,
                                     @DefaultValue("2s") Duration connectTimeout) {

    /** The provider's own base URL when configured, else the shared root plus the provider's default path. */
    public URI resolve(URI providerBaseUrl, String defaultPath) {
        if (providerBaseUrl != null) {
            return providerBaseUrl;
        }
        String root = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(root + defaultPath);
    }
}
