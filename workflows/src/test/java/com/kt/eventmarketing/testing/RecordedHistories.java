package com.kt.eventmarketing.testing;

import io.temporal.client.WorkflowClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recorded histories every workflow version must keep replaying (docs/workflow-versioning.md). Files are named
 * {@code <path>-<latest change id in the history>}, or {@code -baseline} for a workflow before any change id.
 */
public final class RecordedHistories {
    public static final Path DIR = Path.of("src/test/resources/histories");

    private RecordedHistories() {
    }

    /**
     * Re-records a history when run with -Dkt.recordHistories=true (only when a workflow change is meant to be
     * incompatible and guarded by Workflow.getVersion, or a new path is worth protecting).
     */
    public static void recordIfAsked(WorkflowClient client, String workflowId, String name) {
        if (!Boolean.getBoolean("kt.recordHistories")) {
            return;
        }
        String json = client.fetchHistory(workflowId).toJson(true);
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(name + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
