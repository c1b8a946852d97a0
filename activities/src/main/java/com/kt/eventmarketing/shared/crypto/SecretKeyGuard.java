package com.kt.eventmarketing.shared.crypto;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses to start with a missing secret key or with one of the keys published in this repository, which anyone
 * could use to forge tokens or read personal data. Only {@code kt.security.allow-dev-keys=true}
 * ({@code KT_ALLOW_DEV_KEYS}, set by the local-stack launcher and the test build, nowhere else) lets the local
 * keys in, and then also supplies them where none is set.
 * <p>
 * A key is checked only where the application declares its property (the gateway declares the JWT key, the
 * workers do not), so each process insists on exactly the keys it uses. Runs after the configuration files are
 * read, before any bean exists, so the failure names the variable instead of surfacing as a bean error.
 */
public class SecretKeyGuard implements EnvironmentPostProcessor, Ordered {
    static final String SWITCH = "kt.security.allow-dev-keys";

    /** Property, the variable operators set, and the local-stack value (the only place these values live). */
    record SecretKey(String property, String variable, String localValue) {
    }

    static final List<SecretKey> KEYS = List.of(
            new SecretKey("kt.security.jwt.secret", "KT_JWT_SECRET",
                    "bG9jYWwtb25seS1qd3Qtc2lnbmluZy1rZXktZm9yLWRldmVsb3BtZW50"),
            new SecretKey("kt.crypto.encryption-key", "KT_ENCRYPTION_KEY",
                    "bG9jYWwtb25seS1lbmNyeXB0aW9uLWtleS0zMmJ5dGU="),
            new SecretKey("kt.crypto.hash-key", "KT_HASH_KEY",
                    "bG9jYWwtb25seS1obWFjLWtleS1mb3ItaGFzaGluZyE="));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean allowDevKeys = environment.getProperty(SWITCH, Boolean.class, false);
        Map<String, Object> supplied = new LinkedHashMap<>();
        for (SecretKey key : KEYS) {
            if (!environment.containsProperty(key.property())) {
                continue;
            }
            String value = environment.getProperty(key.property());
            boolean missing = value == null || value.isBlank();
            if (allowDevKeys) {
                if (missing) {
                    supplied.put(key.property(), key.localValue());
                }
            } else if (missing) {
                throw new IllegalStateException(key.variable() + " is not set (" + key.property()
                        + "): supply a random base64 key of 32 bytes from the secret store, e.g. `openssl rand -base64 32`");
            } else if (isPublishedKey(value)) {
                throw new IllegalStateException(key.variable() + " is one of the local development keys published in the "
                        + "repository (" + key.property() + "); they are accepted only with " + SWITCH
                        + "=true (KT_ALLOW_DEV_KEYS), which only the local stack and the tests set");
            }
        }
        if (!supplied.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("localDevelopmentKeys", supplied));
        }
    }

    /** Compared as bytes, so re-padding or re-wrapping a published key does not slip through. */
    static boolean isPublishedKey(String value) {
        byte[] candidate = decodeOrNull(value);
        return KEYS.stream().anyMatch(k -> value.trim().equals(k.localValue())
                || candidate != null && Arrays.equals(candidate, decodeOrNull(k.localValue())));
    }

    private static byte[] decodeOrNull(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files and every other source are in
    }
}
