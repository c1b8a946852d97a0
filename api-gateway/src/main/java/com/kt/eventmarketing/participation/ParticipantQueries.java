package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.Paging;
import com.kt.eventmarketing.shared.crypto.FieldCipher;
import com.kt.eventmarketing.shared.crypto.KeyedHasher;
import com.kt.eventmarketing.shared.crypto.PhoneNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The owner's view of the entrants: decrypted only to be masked, filtered through the keyed hashes. */
@Component
public class ParticipantQueries {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Seoul"));

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final FieldCipher cipher;
    private final KeyedHasher hasher;

    public ParticipantQueries(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                              FieldCipher cipher, KeyedHasher hasher, ParticipationProperties properties) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(properties.exportFetchSize());
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cipher = cipher;
        this.hasher = hasher;
    }

    /** Filters as given by the owner; blank ones are ignored. Bad values are a 400 naming the parameter. */
    public record Filter(String entryPath, Boolean isWinner, String name, String phone) {
    }

    public ParticipationViews.Page<ParticipationViews.Participant> list(long eventId, Filter filter, int page, int size) {
        Paging paging = Paging.of(page, size, 10, 100);
        Where where = where(eventId, filter);
        Long total = jdbc.queryForObject("select count(*) from participants where " + where.sql, Long.class, where.args.toArray());
        List<Object> args = new ArrayList<>(where.args);
        args.add(size);
        args.add(paging.offset());
        List<ParticipationViews.Participant> content = jdbc.query("select entry_number, name_encrypted, phone_encrypted,"
                        + " entry_path, is_winner, winner_rank, created_at from participants where " + where.sql
                        + " order by entry_number limit ? offset ?",
                (rs, i) -> participant(rs), args.toArray());
        return new ParticipationViews.Page<>(content, page, size, total == null ? 0 : total);
    }

    /** Checks the filters (400 naming the bad one) before any byte of the CSV is written. */
    public void check(long eventId, Filter filter) {
        where(eventId, filter);
    }

    /**
     * Streams the CSV (UTF-8 with a BOM so Excel reads Hangul) straight from a server-side cursor: rows are fetched
     * {@code export-fetch-size} at a time and written as they come, so memory does not grow with the event.
     */
    /** Writes the CSV and returns how many entrants it holds. */
    public long exportCsv(long eventId, Filter filter, OutputStream out) {
        Where where = where(eventId, filter);
        try {
            out.write(BOM);
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write("응모번호,이름,전화번호,참여경로,당첨여부,당첨순위,참여일시\r\n");
            long[] rows = {0};
            readOnly.executeWithoutResult(status -> streaming.query("select entry_number, name_encrypted, phone_encrypted,"
                    + " entry_path, is_winner, winner_rank, created_at from participants where " + where.sql
                    + " order by entry_number", (RowCallbackHandler) rs -> {
                        ParticipationViews.Participant p = participant(rs);
                        try {
                            writer.write(p.entryNumber() + "," + csv(p.name()) + "," + csv(p.phone()) + "," + p.entryPath() + ","
                                    + (p.isWinner() ? "Y" : "N") + "," + (p.winnerRank() == null ? "" : p.winnerRank()) + ","
                                    + CSV_TIME.format(p.enteredAt()) + "\r\n");
                            rows[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, where.args.toArray()));
            writer.flush();
            return rows[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ParticipationViews.Participant participant(ResultSet rs) throws SQLException {
        int rankValue = rs.getInt("winner_rank");
        Integer rank = rs.wasNull() ? null : rankValue;
        return new ParticipationViews.Participant(rs.getLong("entry_number"),
                PersonalData.maskedName(cipher, rs.getString("name_encrypted")),
                PersonalData.maskedPhone(cipher, rs.getString("phone_encrypted")), rs.getString("entry_path"),
                rs.getBoolean("is_winner"), rank, rs.getTimestamp("created_at").toInstant());
    }

    private record Where(String sql, List<Object> args) {
    }

    private Where where(long eventId, Filter filter) {
        StringBuilder sql = new StringBuilder("event_id = ?");
        List<Object> args = new ArrayList<>(List.of(eventId));
        if (filter.entryPath() != null && !filter.entryPath().isBlank()) {
            String path = EntryPaths.parse(filter.entryPath())
                    .orElseThrow(() -> ApiException.badField("entryPath", "oneOf", "must be STORE_VISIT or a channel type"));
            sql.append(" and entry_path = ?");
            args.add(path);
        }
        if (filter.isWinner() != null) {
            sql.append(" and is_winner = ?");
            args.add(filter.isWinner());
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            sql.append(" and name_hash = ?");
            args.add(ParticipationService.nameHash(hasher, ParticipationService.normaliseName(filter.name())));
        }
        if (filter.phone() != null && !filter.phone().isBlank()) {
            String phone = PhoneNumbers.normalise(filter.phone())
                    .orElseThrow(() -> ApiException.badField("phone", "phone", "must be a phone number of 10-11 digits"));
            sql.append(" and phone_hash = ?");
            args.add(hasher.hash(phone));
        }
        return new Where(sql.toString(), args);
    }

    /** Quotes when needed, and defuses spreadsheet formulas. */
    private static String csv(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
