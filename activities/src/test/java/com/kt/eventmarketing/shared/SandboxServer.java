package com.kt.eventmarketing.shared;

import com.kt.eventmarketing.sandbox.SandboxApplication;
import com.kt.eventmarketing.shared.resilience.ExternalCallGuard;
import com.kt.eventmarketing.shared.resilience.ExternalHttpProperties;
import com.kt.eventmarketing.shared.resilience.ResilienceProperties;
import com.kt.eventmarketing.shared.resilience.RestClientFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The sandbox app started once per test JVM on a random port, plus the admin calls tests need. The activities
 * classpath carries JPA, Flyway and Kafka; their auto-configuration is switched off because the sandbox needs none.
 */
public final class SandboxServer {

    private static final String EXCLUDED = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");
    private static SandboxServer instance;

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private SandboxServer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static synchronized SandboxServer get() {
        if (instance == null) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(SandboxApplication.class)
                    // arguments, not default properties: the sandbox's application.yml would win over those
                    .run("--server.port=0", "--server.address=127.0.0.1", "--spring.autoconfigure.exclude=" + EXCLUDED,
                            "--spring.main.banner-mode=off");
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            instance = new SandboxServer("http://127.0.0.1:" + port);
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return instance;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A client factory pointing every provider at this sandbox. */
    public RestClientFactory clients() {
        return new RestClientFactory(new ExternalHttpProperties(URI.create(baseUrl), Duration.ofSeconds(2)));
    }

    /** A guard with the production defaults, without metrics. */
    public static ExternalCallGuard guard() {
        return new ExternalCallGuard(resilience(Duration.ofSeconds(30), 10, Duration.ofMillis(500)),
                new DefaultListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }

    /** The production breaker settings (50 %, window 10, minimum 5 calls, 3 half-open probes) with the given waits. */
    public static ResilienceProperties resilience(Duration waitInOpenState, int bulkheadMaxConcurrentCalls,
                                                  Duration bulkheadMaxWait) {
        return new ResilienceProperties(50, Duration.ofSeconds(10), 50, 10, 5, waitInOpenState,
                bulkheadMaxConcurrentCalls, bulkheadMaxWait, 3);
    }

    /** The recorded requests carrying the idempotency key, as the admin API's JSON. */
    public String requestsWithKey(String idempotencyKey) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/requests?idempotencyKey="
                + java.net.URLEncoder.encode(idempotencyKey, java.nio.charset.StandardCharsets.UTF_8))).GET().build());
    }

    public void setFaults(String group, String json) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/faults/" + group))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Clears faults and the request log. */
    public void reset() {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/faults")).DELETE().build());
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/requests")).DELETE().build());
    }

    /** The recorded requests of the group as the admin API's JSON. */
    public String requests(String group) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/requests?group=" + group)).GET().build());
    }

    /** The posts the channel group holds, as the admin API's JSON (content as the channel received it). */
    public String posts(String group) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/posts/" + group)).GET().build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("sandbox admin answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
