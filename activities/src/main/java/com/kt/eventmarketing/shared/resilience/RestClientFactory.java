package com.kt.eventmarketing.shared.resilience;

import com.kt.eventmarketing.shared.WorkerComponent;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** Builds the RestClient of one external system: JDK HttpClient, connect and read timeouts always set. */
@WorkerComponent
public class RestClientFactory {

    private final ExternalHttpProperties properties;

    public RestClientFactory(ExternalHttpProperties properties) {
        this.properties = properties;
    }

    /**
     * @param providerBaseUrl the provider's configured base URL, or null for the shared root plus {@code defaultPath}
     * @param readTimeout     how long one response may take; AI and image calls need far more than channels
     */
    public RestClient.Builder builder(URI providerBaseUrl, String defaultPath, Duration readTimeout) {
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(readTimeout);
        return RestClient.builder()
                .baseUrl(properties.resolve(providerBaseUrl, defaultPath).toString())
                .requestFactory(requestFactory);
    }
}
