package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalCliDevServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the stack's dev server persists (SQLite journal mode read from the file header): the context of its figures. */
final class TemporalPersistenceSettings {
    private TemporalPersistenceSettings() {
    }

    static void report(Results results, BenchStack stack) throws Exception {
        Path db = stack.temporalDb();
        byte[] header = new byte[20];
        try (var in = Files.newInputStream(db)) {
            in.readNBytes(header, 0, header.length); // the SQLite header, not the whole database file (read twice before)
        }
        String journal = header[18] == 2 ? "WAL" : header[18] == 1 ? "rollback journal (DELETE)" : "unknown";
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("commandLine", stack.temporalDescription());
        t.put("pragmas", String.join(" ", TemporalCliDevServer.SQLITE_PRAGMAS));
        t.put("journalModeFromFileHeader", journal);
        t.put("synchronous", "NORMAL: in WAL mode a commit is a log write without an fsync; a killed server loses nothing");
        t.put("maxOpenConns", "1 (server sqlite plugin: SetMaxOpenConns(1))");
        t.put("implication", "every history/visibility write of the whole server is serialised through one SQLite connection: "
                + "the dev server's write rate, not the workers, caps workflow throughput; durable across restarts (file), "
                + "but single-node and not a production persistence");
        results.detail("temporalSqlite", t);
        results.add("Temporal dev server persistence", "SQLite file, " + journal + ", 1 connection", null, null, null, null,
                stack.temporalDescription());
    }
}
