package com.kt.eventmarketing.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions the build wrote into this module's {@code kt-build/versions.properties}, so nothing here spells them. */
public final class BuildVersions {
    private static final String RESOURCE = "/kt-build/versions.properties";
    private static final Properties VERSIONS = load();

    private BuildVersions() {
    }

    /** This repository's version, as in the exec jars' names. */
    public static String project() {
        return VERSIONS.getProperty("project");
    }

    /** The PostgreSQL version the embedded binaries are pinned to. */
    public static String postgres() {
        return VERSIONS.getProperty("postgres");
    }

    private static Properties load() {
        try (InputStream in = BuildVersions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the local-stack jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
