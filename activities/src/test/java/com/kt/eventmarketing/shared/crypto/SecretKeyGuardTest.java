package com.kt.eventmarketing.shared.crypto;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretKeyGuardTest {
    private static final String REAL_KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'Q');

    @Test
    void startUpWithTheSharedConfigurationAndNoKeysFailsNamingTheVariable() {
        // the surefire build sets KT_ALLOW_DEV_KEYS=true; a command-line argument outranks it, as in production
        SpringApplication app = new SpringApplication(Empty.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--spring.config.import=classpath:kt-common.yml",
                "--kt.security.allow-dev-keys=false", "--spring.main.banner-mode=off"))
                .hasStackTraceContaining("KT_ENCRYPTION_KEY is not set");
    }

    @Test
    void aMissingKeyIsRefusedUnlessDevKeysAreAllowedWhichThenSuppliesTheLocalOne() {
        assertThatThrownBy(() -> guard(Map.of("kt.security.jwt.secret", "")))
                .hasMessageStartingWith("KT_JWT_SECRET is not set");

        StandardEnvironment env = guard(Map.of("kt.security.jwt.secret", "", SecretKeyGuard.SWITCH, "true"));
        assertThat(env.getProperty("kt.security.jwt.secret")).isEqualTo(SecretKeyGuard.KEYS.get(0).localValue());
    }

    @Test
    void everyPublishedKeyIsRefusedForEveryPropertyEvenReencoded() {
        for (SecretKeyGuard.SecretKey published : SecretKeyGuard.KEYS) {
            String unpadded = published.localValue().replace("=", "");
            assertThatThrownBy(() -> guard(Map.of("kt.crypto.hash-key", unpadded)))
                    .hasMessageContaining("KT_HASH_KEY is one of the local development keys");
        }
    }

    @Test
    void aRealKeyPassesAndKeysAnApplicationDoesNotDeclareAreNotRequired() {
        StandardEnvironment env = guard(Map.of("kt.crypto.encryption-key", REAL_KEY));
        assertThat(env.getProperty("kt.crypto.encryption-key")).isEqualTo(REAL_KEY);
        assertThat(env.containsProperty("kt.security.jwt.secret")).isFalse(); // the workers have no JWT key
    }

    private static StandardEnvironment guard(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        new SecretKeyGuard().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
