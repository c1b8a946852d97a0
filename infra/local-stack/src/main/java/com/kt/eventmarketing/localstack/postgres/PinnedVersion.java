package com.kt.eventmarketing.localstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the pinned PostgreSQL version means for a kept data directory. */
final class PinnedVersion {
    private PinnedVersion() {
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
