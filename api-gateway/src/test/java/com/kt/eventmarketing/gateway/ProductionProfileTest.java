package com.kt.eventmarketing.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway's own configuration does in profile {@code production} (compose and Kubernetes set it). */
class ProductionProfileTest {
    @Test
    void productionTurnsSwaggerUiOffAndKeepsTheOpenApiDocument() throws Exception {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        PropertySource<?> production = documents.stream()
                .filter(d -> "production".equals(String.valueOf(d.getProperty("spring.config.activate.on-profile"))))
                .findFirst().orElseThrow(() -> new AssertionError("no production document in application.yml"));
        assertThat(String.valueOf(production.getProperty("springdoc.swagger-ui.enabled"))).isEqualTo("false");
        assertThat(production.getProperty("springdoc.api-docs.enabled")).isNull();
    }
}
