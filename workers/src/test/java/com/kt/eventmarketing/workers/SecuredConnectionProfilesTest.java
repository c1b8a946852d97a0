package com.kt.eventmarketing.workers;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/** The profiles that connect to Temporal Cloud and a secured Kafka resolve to the properties the starters read. */
class SecuredConnectionProfilesTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    private static Environment environment(String profiles, String... properties) {
        SpringApplication app = new SpringApplication(Empty.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles(profiles.split(","));
        String[] args = new String[properties.length + 1];
        args[0] = "--spring.config.import=classpath:kt-common.yml";
        for (int i = 0; i < properties.length; i++) {
            args[i + 1] = "--" + properties[i];
        }
        // Other tests in this JVM point Spring at their real servers through system properties, which would
        // outrank the profiles under test; hide them while this context resolves.
        java.util.Properties saved = new java.util.Properties();
        saved.putAll(System.getProperties());
        System.getProperties().keySet().removeIf(k -> k.toString().startsWith("spring.temporal.") || k.toString().startsWith("spring.kafka."));
        try (ConfigurableApplicationContext context = app.run(args)) {
            return context.getEnvironment();
        } finally {
            System.setProperties(saved);
        }
    }

    @Test
    void temporalCloudMtlsAndSaslKafka() {
        Environment env = environment("temporal-cloud-mtls,kafka-sasl",
                "KT_TEMPORAL_TARGET=ns.acct.tmprl.cloud:7233", "KT_KAFKA_SASL_USERNAME=svc", "KT_KAFKA_SASL_PASSWORD=pw");
        assertThat(env.getProperty("spring.temporal.connection.target")).isEqualTo("ns.acct.tmprl.cloud:7233");
        assertThat(env.getProperty("spring.temporal.connection.mtls.cert-chain-file")).isEqualTo("/etc/kt/temporal/tls.crt");
        assertThat(env.getProperty("spring.temporal.connection.mtls.key-file")).isEqualTo("/etc/kt/temporal/tls.key");
        assertThat(env.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(env.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(env.getProperty("spring.kafka.properties.sasl.jaas.config"))
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"pw\";");
    }

    @Test
    void temporalCloudApiKey() {
        Environment env = environment("temporal-cloud-api-key", "KT_TEMPORAL_API_KEY=secret-key");
        assertThat(env.getProperty("spring.temporal.connection.api-key")).isEqualTo("secret-key");
        assertThat(env.getProperty("spring.temporal.connection.enable-https")).isEqualTo("true");
        assertThat(env.getProperty("spring.kafka.security.protocol")).as("plain Kafka unless kafka-sasl").isNull();
    }
}
