package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.events.EventStatus;
import com.kt.eventmarketing.events.persistence.EventRow;
import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.FieldViolation;
import com.kt.eventmarketing.shared.crypto.FieldCipher;
import com.kt.eventmarketing.shared.crypto.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The owner's winner draw. One row per event in {@code draws}: created with the seed commitment, locked
 * ({@code select … for update}) by the draw so that a concurrent second request waits and then sees the draw done
 * (409). The snapshot is streamed through a cursor into primitive arrays (entry numbers and tickets), hashed, and
 * handed to {@link WinnerDraw}; the winners are marked in the same transaction.
 */
@Service
public class DrawService {
    static final String ALREADY_DRAWN = "이미 추첨이 완료된 이벤트입니다";
    static final String NOT_ENOUGH = "참여자 수가 부족합니다";
    private static final Logger log = LoggerFactory.getLogger(DrawService.class);

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate tx;
    private final DrawCommitments commitments;
    private final FieldCipher cipher;

    public DrawService(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate tx, DrawCommitments commitments,
                       FieldCipher cipher, ParticipationProperties properties) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(properties.exportFetchSize());
        this.tx = tx;
        this.commitments = commitments;
        this.cipher = cipher;
    }

    record Valid(int winnerCount, String algorithm, int visitBonus) {
        boolean weighted() {
            return "WEIGHTED".equals(algorithm);
        }
    }

    static Valid validate(ParticipationViews.DrawRequest body) {
        if (body == null) {
            throw ApiException.badField("body", "required", "the request body is required");
        }
        List<FieldViolation> violations = new ArrayList<>();
        Integer count = whole(body.winnerCount());
        if (count == null || count < 1) {
            violations.add(new FieldViolation("winnerCount", "min", "must be a whole number greater than 0"));
        }
        String algorithm = body.algorithm() instanceof String s ? s.trim().toUpperCase(java.util.Locale.ROOT) : null;
        if (!"RANDOM".equals(algorithm) && !"WEIGHTED".equals(algorithm)) {
            violations.add(new FieldViolation("algorithm", "oneOf", "must be RANDOM or WEIGHTED"));
        }
        Integer bonus = body.visitBonus() == null ? Integer.valueOf(2) : whole(body.visitBonus());
        if (bonus == null || bonus < 1 || bonus > 3) {
            violations.add(new FieldViolation("visitBonus", "range", "must be 1-3 (default 2)"));
        }
        if (!violations.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request",
                    violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")), violations);
        }
        return new Valid(count, algorithm, bonus);
    }

    private static Integer whole(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        return null;
    }

    public ParticipationViews.Draw draw(EventRow event, ParticipationViews.DrawRequest body) {
        Valid request = validate(body);
        requireEnded(event);
        long eventId = event.getId();
        commitments.ensure(eventId);
        long started = System.nanoTime();
        tx.executeWithoutResult(status -> {
            Map<String, Object> row = jdbc.queryForMap("select seed_encrypted, drawn_at from draws where event_id = ? for update", eventId);
            if (row.get("drawn_at") != null) {
                throw ApiException.conflict(ALREADY_DRAWN);
            }
            Long participants = jdbc.queryForObject("select count(*) from participants where event_id = ?", Long.class, eventId);
            long n = participants == null ? 0 : participants;
            if (request.winnerCount() > n) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", "winnerCount: " + NOT_ENOUGH + " (" + n + " participants)",
                        List.of(new FieldViolation("winnerCount", "max", NOT_ENOUGH)));
            }
            Snapshot snapshot = snapshot(eventId, (int) n, request);
            byte[] seed = commitments.seed((String) row.get("seed_encrypted"));
            int[] winners = WinnerDraw.draw(seed, snapshot.hash, snapshot.tickets, request.winnerCount());
            List<Object[]> marks = new ArrayList<>(winners.length);
            StringBuilder numbers = new StringBuilder();
            for (int rank = 0; rank < winners.length; rank++) {
                long entryNumber = snapshot.entryNumbers[winners[rank]];
                marks.add(new Object[]{rank + 1, eventId, entryNumber});
                numbers.append(rank == 0 ? "" : ",").append(entryNumber);
            }
            jdbc.batchUpdate("update participants set is_winner = true, winner_rank = ? where event_id = ? and entry_number = ?", marks);
            jdbc.update("""
                            update draws set drawn_at = now(), seed_revealed = ?, algorithm = ?, visit_bonus = ?, winner_count = ?,
                                   participant_count = ?, total_tickets = ?, snapshot_hash = ?, algorithm_version = ?,
                                   winner_entry_numbers = ?
                            where event_id = ?""",
                    HexFormat.of().formatHex(seed), request.algorithm(), request.weighted() ? request.visitBonus() : null,
                    request.winnerCount(), n, snapshot.totalTickets, HexFormat.of().formatHex(snapshot.hash), WinnerDraw.VERSION,
                    numbers.toString(), eventId);
        });
        log.info("draw done: eventId={} winners={} algorithm={} in {} ms", eventId, request.winnerCount(), request.algorithm(),
                (System.nanoTime() - started) / 1_000_000);
        return view(event);
    }

    private record Snapshot(long[] entryNumbers, int[] tickets, long totalTickets, byte[] hash) {
    }

    /** Entry numbers and tickets in ascending entry-number order, in two primitive arrays (12 bytes per entry). */
    private Snapshot snapshot(long eventId, int expected, Valid request) {
        long[][] numbers = {new long[Math.max(expected, 1)]};
        int[][] tickets = {new int[Math.max(expected, 1)]};
        int[] size = {0};
        long[] total = {0};
        WinnerDraw.SnapshotHasher hasher = new WinnerDraw.SnapshotHasher();
        streaming.query("select entry_number, entry_path from participants where event_id = ? order by entry_number",
                (RowCallbackHandler) rs -> {
                    if (size[0] == numbers[0].length) {
                        numbers[0] = Arrays.copyOf(numbers[0], size[0] * 2);
                        tickets[0] = Arrays.copyOf(tickets[0], size[0] * 2);
                    }
                    long number = rs.getLong(1);
                    int t = EntryPaths.tickets(rs.getString(2), request.weighted(), request.visitBonus());
                    hasher.add(number, t);
                    numbers[0][size[0]] = number;
                    tickets[0][size[0]] = t;
                    total[0] += t;
                    size[0]++;
                }, eventId);
        return new Snapshot(Arrays.copyOf(numbers[0], size[0]), Arrays.copyOf(tickets[0], size[0]), total[0], hasher.finish());
    }

    /** The draw as it stands: the commitment before, the full proof and the masked winners after. */
    public ParticipationViews.Draw view(EventRow event) {
        long eventId = event.getId();
        if (event.getStatus() == EventStatus.ACTIVE || event.getStatus() == EventStatus.ENDED) {
            commitments.ensure(eventId);
        }
        List<Map<String, Object>> rows = jdbc.queryForList("select * from draws where event_id = ?", eventId);
        if (rows.isEmpty()) {
            return new ParticipationViews.Draw(eventId, "NOT_COMMITTED", null, null, null, null, null, null, null, null,
                    null, null, null, List.of());
        }
        Map<String, Object> d = rows.get(0);
        if (d.get("drawn_at") == null) {
            return new ParticipationViews.Draw(eventId, "COMMITTED", (String) d.get("commitment"), instant(d.get("committed_at")),
                    null, null, null, null, null, null, null, null, null, List.of());
        }
        List<ParticipationViews.Winner> winners = jdbc.query("select winner_rank, entry_number, name_encrypted, phone_encrypted,"
                        + " entry_path from participants where event_id = ? and is_winner order by winner_rank",
                (rs, i) -> new ParticipationViews.Winner(rs.getInt(1), rs.getLong(2), Masking.name(cipher.decrypt(rs.getString(3))),
                        Masking.phone(cipher.decrypt(rs.getString(4))), rs.getString(5)), eventId);
        return new ParticipationViews.Draw(eventId, "DRAWN", (String) d.get("commitment"), instant(d.get("committed_at")),
                (String) d.get("seed_revealed"), instant(d.get("drawn_at")), (String) d.get("algorithm"),
                (Integer) d.get("visit_bonus"), (String) d.get("algorithm_version"), (String) d.get("snapshot_hash"),
                (Long) d.get("participant_count"), (Long) d.get("total_tickets"), (Integer) d.get("winner_count"), winners);
    }

    /** A draw needs the entry set closed: the event ENDED, or ACTIVE with its end time passed (status lagging). */
    private static void requireEnded(EventRow event) {
        boolean ended = event.getStatus() == EventStatus.ENDED || (event.getStatus() == EventStatus.ACTIVE
                && event.getEndAt() != null && !Instant.now().isBefore(event.getEndAt()));
        if (!ended) {
            throw ApiException.conflict("the event has not ended yet: winners are drawn after the end of the event");
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value == null ? null : (Instant) value;
    }
}
