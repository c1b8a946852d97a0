package com.kt.eventmarketing.localstack.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The PostgreSQL version the build pinned the binaries to, and what it means for a kept data directory. */
final class PinnedVersion {
    private static final String RESOURCE = "/kt-postgres/version.properties";

    private PinnedVersion() {
    }

    static String read() {
        try (InputStream in = PinnedVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the local-stack jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A data directory made by another major version cannot be opened, and the server would only time out after a
     * minute: say so at once, naming the way out (the directory holds local data only).
     */
    static void requireSameMajor(Path dataDirectory, String pinned) {
        Path marker = dataDirectory.resolve("PG_VERSION");
        if (!Files.isRegularFile(marker)) {
            return;
        }
        try {
            String made = Files.readString(marker).trim();
            String major = pinned.substring(0, pinned.indexOf('.'));
            if (!made.equals(major)) {
                throw new IllegalStateException("the data directory " + dataDirectory + " was made by PostgreSQL "
                        + made + ", but this build runs PostgreSQL " + pinned + ": move or delete the directory"
                        + " (local data only) and start again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
