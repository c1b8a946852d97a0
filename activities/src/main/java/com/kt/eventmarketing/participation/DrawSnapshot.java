package com.kt.eventmarketing.participation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The draw's snapshot read from {@code participants}: every entry in ascending entry number with its tickets
 * ({@link EntryPaths#tickets}), hashed as {@link WinnerDraw} specifies. One reader for the draw itself and for the
 * public proof, so the snapshot anyone downloads is built by the same code as the one the winners were drawn from.
 * <p>
 * Rows come through a PostgreSQL cursor ({@code fetchSize} rows at a time, which needs a transaction: the caller's
 * if there is one, else a read-only one), so a million entries never sit in memory as rows. Only entry numbers and
 * entry paths are read: they survive the privacy purge, so the proof stays complete after it.
 */
public final class DrawSnapshot {
    /** Receives the entries one by one (the public proof writes them straight to the client). */
    @FunctionalInterface
    public interface Sink {
        void entry(long entryNumber, int tickets);
    }

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    DrawSnapshot(DataSource dataSource, TransactionTemplate tx, int fetchSize) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(fetchSize);
        this.readOnly = new TransactionTemplate(tx.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /** Streams the snapshot of a draw with these settings into {@code sink} and returns its SHA-256. */
    byte[] stream(long eventId, boolean weighted, int visitBonus, Sink sink) {
        WinnerDraw.SnapshotHasher hasher = new WinnerDraw.SnapshotHasher();
        readOnly.executeWithoutResult(status -> streaming.query(
                "select entry_number, entry_path from participants where event_id = ? order by entry_number",
                (RowCallbackHandler) rs -> {
                    long number = rs.getLong(1);
                    int tickets = EntryPaths.tickets(rs.getString(2), weighted, visitBonus);
                    hasher.add(number, tickets);
                    sink.entry(number, tickets);
                }, eventId));
        return hasher.finish();
    }
}
