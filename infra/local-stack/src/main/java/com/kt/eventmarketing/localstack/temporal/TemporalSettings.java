package com.kt.eventmarketing.localstack.temporal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What every Temporal we run must carry: the namespace, its retention and our search attributes. Read from
 * {@code infra/deploy/temporal/namespace.properties} (packaged as {@value #NAMESPACE_RESOURCE}), the file compose
 * and Kubernetes are checked against, so the local servers cannot drift from the deployments.
 *
 * @param searchAttributes name → Temporal type name ({@code Keyword}, ...), in declaration order
 */
public record TemporalSettings(String namespace, Duration retention, Map<String, String> searchAttributes) {
    static final String NAMESPACE_RESOURCE = "/kt-temporal/namespace.properties";
    /** Temporal's own dynamic config file format; the server mode points its dynamicConfigClient at a copy. */
    static final String DYNAMIC_CONFIG_RESOURCE = "/kt-temporal/dynamicconfig.yaml";

    private static final TemporalSettings SHARED = load();

    public static TemporalSettings shared() {
        return SHARED;
    }

    private static TemporalSettings load() {
        Properties properties = new Properties();
        try (InputStream in = TemporalSettings.class.getResourceAsStream(NAMESPACE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(NAMESPACE_RESOURCE + " missing from the classpath (local-stack build)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String entry : properties.getProperty("search-attributes").split(",")) {
            String[] nameAndType = entry.trim().split(":");
            attributes.put(nameAndType[0].trim(), nameAndType[1].trim());
        }
        return new TemporalSettings(properties.getProperty("namespace").trim(),
                parseDays(properties.getProperty("retention").trim()), Map.copyOf(attributes));
    }

    /** Retention is whole days in every place it is written ({@code 7d}), which is also what Temporal accepts. */
    static Duration parseDays(String value) {
        if (!value.matches("\\d+d")) {
            throw new IllegalArgumentException("retention must be whole days like 7d, was " + value);
        }
        return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
    }

    public static byte[] dynamicConfig() {
        try (InputStream in = TemporalSettings.class.getResourceAsStream(DYNAMIC_CONFIG_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DYNAMIC_CONFIG_RESOURCE + " missing from the classpath (local-stack build)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
