package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.shared.crypto.FieldCipher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The winner draw's record in {@code draws}, shared by the owner's REST draw (api-gateway {@code DrawService}) and
 * the automatic draw of the event workflow ({@link ParticipationActivitiesImpl}), so there is one draw logic.
 * <p>
 * <b>Commitment.</b> A random 32-byte seed, kept encrypted, and its SHA-256 published. The first caller wins
 * ({@code on conflict do nothing}), so the commitment never changes once shown.
 * <p>
 * <b>Draw.</b> The event's row is locked ({@code select … for update}) so that a concurrent second draw waits and
 * then sees the draw done. The snapshot is streamed through a cursor into primitive arrays (entry numbers and
 * tickets), hashed, and handed to {@link WinnerDraw}; the winners are marked and the seed revealed in the same
 * transaction. The callers decide what "already drawn" and "too few entries" mean to them (409 / 400 for the owner,
 * the existing count / fewer winners for the workflow).
 * <p>
 * <b>Metrics.</b> {@value #DRAWS_METRIC} per draw request by outcome (the second request for a drawn event is
 * {@code already_drawn}, not a second draw), and {@value #DRAW_DURATION_METRIC} for the real draws.
 */
@Component
public class DrawLedger {
    /** {@code outcome} drawn, already_drawn, not_enough, no_entries: one count per draw request, by what it did. */
    public static final String DRAWS_METRIC = "kt.draws";
    /** Only real draws (outcome drawn), tag {@code algorithm}. */
    public static final String DRAW_DURATION_METRIC = "kt.draw.duration";
    private static final Logger log = LoggerFactory.getLogger(DrawLedger.class);

    private final JdbcTemplate jdbc;
    private final DrawSnapshot snapshots;
    private final TransactionTemplate tx;
    private final FieldCipher cipher;
    private final SecureRandom random = new SecureRandom();
    private final MeterRegistry meters;

    public DrawLedger(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate tx, FieldCipher cipher, int fetchSize) {
        this(jdbc, dataSource, tx, cipher, fetchSize, new SimpleMeterRegistry());
    }

    @Autowired
    public DrawLedger(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate tx, FieldCipher cipher,
                      @Value("${kt.participation.export-fetch-size:5000}") int fetchSize,
                      ObjectProvider<MeterRegistry> meters) {
        this(jdbc, dataSource, tx, cipher, fetchSize, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    public DrawLedger(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate tx, FieldCipher cipher, int fetchSize,
                      MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.snapshots = new DrawSnapshot(dataSource, tx, fetchSize);
        this.tx = tx;
        this.cipher = cipher;
    }

    /** What happened. */
    public enum Kind {
        /** Drawn now: {@code winnerCount} winners. */
        DRAWN,
        /** Drawn before (nothing changed): {@code winnerCount} is that draw's. */
        ALREADY_DRAWN,
        /** More winners wanted than entries, and the caller asked not to draw fewer (nothing changed). */
        NOT_ENOUGH,
        /** No entries at all (nothing changed). */
        NO_ENTRIES
    }

    public record Outcome(Kind kind, int winnerCount, long participants) {
    }

    /** The event's commitment, creating it if there is none yet. Idempotent. */
    public String commit(long eventId) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        String commitment = WinnerDraw.commitment(seed);
        jdbc.update("insert into draws (event_id, commitment, seed_encrypted) values (?, ?, ?) on conflict (event_id) do nothing",
                eventId, commitment, cipher.encrypt(HexFormat.of().formatHex(seed)));
        return jdbc.queryForObject("select commitment from draws where event_id = ?", String.class, eventId);
    }

    /**
     * Draws once. With {@code drawFewerWhenShort} a request for more winners than entries draws every entry (the
     * automatic draw); without it that is {@link Kind#NOT_ENOUGH}. Fixes the commitment first if needed.
     */
    public Outcome draw(long eventId, AutoDraw spec, boolean drawFewerWhenShort) {
        spec.requireValid();
        commit(eventId);
        long started = System.nanoTime();
        Outcome outcome = tx.execute(status -> {
            Map<String, Object> row = jdbc.queryForMap("select seed_encrypted, drawn_at, winner_count from draws where event_id = ? for update",
                    eventId);
            if (row.get("drawn_at") != null) {
                Number drawn = (Number) row.get("winner_count");
                return new Outcome(Kind.ALREADY_DRAWN, drawn == null ? 0 : drawn.intValue(), -1);
            }
            Long participants = jdbc.queryForObject("select count(*) from participants where event_id = ?", Long.class, eventId);
            long n = participants == null ? 0 : participants;
            if (n == 0) {
                return new Outcome(Kind.NO_ENTRIES, 0, 0);
            }
            if (spec.winnerCount() > n && !drawFewerWhenShort) {
                return new Outcome(Kind.NOT_ENOUGH, 0, n);
            }
            int winnerCount = (int) Math.min(spec.winnerCount(), n);
            Snapshot snapshot = snapshot(eventId, (int) n, spec);
            byte[] seed = HexFormat.of().parseHex(cipher.decrypt((String) row.get("seed_encrypted")));
            int[] winners = WinnerDraw.draw(seed, snapshot.hash, snapshot.tickets, winnerCount);
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
                    HexFormat.of().formatHex(seed), spec.algorithm().name(), spec.weighted() ? spec.visitBonus() : null,
                    winnerCount, n, snapshot.totalTickets, HexFormat.of().formatHex(snapshot.hash), WinnerDraw.VERSION,
                    numbers.toString(), eventId);
            return new Outcome(Kind.DRAWN, winnerCount, n);
        });
        long elapsed = System.nanoTime() - started;
        Counter.builder(DRAWS_METRIC).description("winner draws by outcome (drawn once per event; the rest changed nothing)")
                .tag("outcome", outcome.kind().name().toLowerCase(Locale.ROOT)).register(meters).increment();
        if (outcome.kind() == Kind.DRAWN) {
            Timer.builder(DRAW_DURATION_METRIC).description("time to draw the winners of one event (snapshot, draw, marks)")
                    .tag("algorithm", spec.algorithm().name()).register(meters).record(elapsed, TimeUnit.NANOSECONDS);
            log.info("draw done: eventId={} winners={} of {} entries algorithm={} in {} ms", eventId, outcome.winnerCount(),
                    outcome.participants(), spec.algorithm(), elapsed / 1_000_000);
        }
        return outcome;
    }

    private record Snapshot(long[] entryNumbers, int[] tickets, long totalTickets, byte[] hash) {
    }

    /** Entry numbers and tickets in ascending entry-number order, in two primitive arrays (12 bytes per entry). */
    private Snapshot snapshot(long eventId, int expected, AutoDraw spec) {
        long[][] numbers = {new long[Math.max(expected, 1)]};
        int[][] tickets = {new int[Math.max(expected, 1)]};
        int[] size = {0};
        long[] total = {0};
        byte[] hash = snapshots.stream(eventId, spec.weighted(), spec.visitBonus(), (number, t) -> {
            if (size[0] == numbers[0].length) {
                numbers[0] = Arrays.copyOf(numbers[0], size[0] * 2);
                tickets[0] = Arrays.copyOf(tickets[0], size[0] * 2);
            }
            numbers[0][size[0]] = number;
            tickets[0][size[0]] = t;
            total[0] += t;
            size[0]++;
        });
        return new Snapshot(Arrays.copyOf(numbers[0], size[0]), Arrays.copyOf(tickets[0], size[0]), total[0], hash);
    }

    /**
     * Streams the snapshot a finished draw was made from (its algorithm and visit bonus decide the tickets) and
     * returns its hash, which equals the proof's {@code snapshotHash} as long as no entry was changed since.
     */
    public byte[] snapshot(long eventId, Proof drawn, DrawSnapshot.Sink sink) {
        if (!drawn.drawn()) {
            throw new IllegalArgumentException("event " + eventId + " has no draw yet, so no snapshot");
        }
        boolean weighted = AutoDraw.Algorithm.WEIGHTED.name().equals(drawn.algorithm());
        return snapshots.stream(eventId, weighted, weighted ? drawn.visitBonus() : 0, sink);
    }

    /** A winner as the owner sees it: masked, or {@link PersonalData#PURGED_DISPLAY} once purged. */
    public record MaskedWinner(int rank, long entryNumber, String name, String phone, String entryPath) {
    }

    /**
     * The draw's record: only the commitment before the draw (seed and everything after it null), the full proof
     * and the masked winners after. Empty when no commitment was fixed.
     */
    public record Proof(boolean drawn, String commitment, Instant committedAt, String seed, Instant drawnAt,
                        String algorithm, Integer visitBonus, String algorithmVersion, String snapshotHash,
                        Long participantCount, Long totalTickets, Integer winnerCount, List<MaskedWinner> winners) {
    }

    public Optional<Proof> proof(long eventId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from draws where event_id = ?", eventId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> d = rows.get(0);
        if (d.get("drawn_at") == null) {
            return Optional.of(new Proof(false, (String) d.get("commitment"), instant(d.get("committed_at")),
                    null, null, null, null, null, null, null, null, null, List.of()));
        }
        List<MaskedWinner> winners = jdbc.query("select winner_rank, entry_number, name_encrypted, phone_encrypted,"
                        + " entry_path from participants where event_id = ? and is_winner order by winner_rank",
                (rs, i) -> new MaskedWinner(rs.getInt(1), rs.getLong(2), PersonalData.maskedName(cipher, rs.getString(3)),
                        PersonalData.maskedPhone(cipher, rs.getString(4)), rs.getString(5)), eventId);
        return Optional.of(new Proof(true, (String) d.get("commitment"), instant(d.get("committed_at")),
                (String) d.get("seed_revealed"), instant(d.get("drawn_at")), (String) d.get("algorithm"),
                (Integer) d.get("visit_bonus"), (String) d.get("algorithm_version"), (String) d.get("snapshot_hash"),
                (Long) d.get("participant_count"), (Long) d.get("total_tickets"), (Integer) d.get("winner_count"), winners));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value == null ? null : (Instant) value;
    }
}
