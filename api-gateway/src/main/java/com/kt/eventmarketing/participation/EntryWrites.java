package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.shared.Topics;
import com.kt.eventmarketing.shared.jdbc.SqlArrays;
import com.kt.eventmarketing.shared.outbox.OutboxWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static com.kt.eventmarketing.shared.jdbc.SqlArrays.column;

/**
 * The database side of entries, any number in the caller's transaction with a fixed number of statements: claim the
 * Idempotency-Keys, insert the participant rows, record the keys' answers, write the outbox messages. Per entry the
 * rules of one entry alone hold: PostgreSQL's unique constraints decide duplicates, a key's first answer is
 * replayed, and a duplicate leaves no key behind. Rows are written in (event, key) and (event, phone) order, so two
 * transactions that meet on the same rows wait for each other instead of deadlocking.
 */
@Component
class EntryWrites {
    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;

    EntryWrites(JdbcTemplate jdbc, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** An entry ready for the database: validated, personal data encrypted and hashed. */
    record Entry(long eventId, String nameEncrypted, String nameHash, String phoneEncrypted, String phoneHash,
                 String entryPath, String idempotencyKey, String requestHash, String traceId) {
    }

    /** What the database said about one entry. */
    sealed interface Result {
    }

    record Accepted(long entryNumber) implements Result {
    }

    /** Its Idempotency-Key has an answer already: {@code entryNumber:requestHash} of the request that got it. */
    record Stored(String answer) implements Result {
    }

    record Duplicate() implements Result {
    }

    /** One result per entry, in the entries' order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Result> write(List<Entry> entries) {
        Result[] results = new Result[entries.size()];
        int[] sameKeyAs = firstWithSameKey(entries);
        claimKeys(entries, sameKeyAs, results);

        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (sameKeyAs[i] < 0 && results[i] == null) {
                rows.add(i);
            }
        }
        rows.sort(Comparator.comparing((Integer i) -> entries.get(i).eventId()).thenComparing(i -> entries.get(i).phoneHash()));
        Set<List<Object>> phones = new HashSet<>();
        List<Integer> inserting = new ArrayList<>();
        for (int i : rows) {
            if (phones.add(List.of(entries.get(i).eventId(), entries.get(i).phoneHash()))) {
                inserting.add(i);
            } else {
                results[i] = new Duplicate(); // the same phone earlier in this transaction
            }
        }
        Map<List<Object>, Long> numbers = insertParticipants(entries, inserting);
        List<Integer> accepted = new ArrayList<>();
        for (int i : rows) {
            if (results[i] == null) {
                Long number = numbers.get(List.of(entries.get(i).eventId(), entries.get(i).phoneHash()));
                results[i] = number == null ? new Duplicate() : new Accepted(number);
            }
            if (results[i] instanceof Accepted) {
                accepted.add(i);
            }
        }
        settleKeys(entries, rows, results);
        Instant now = Instant.now();
        outbox.writeAll(accepted.stream().map(i -> {
            Entry e = entries.get(i);
            return new OutboxWriter.Pending(Topics.PARTICIPANT_REGISTERED, e.eventId(), new ParticipationViews.ParticipantRegistered(
                    e.eventId(), ((Accepted) results[i]).entryNumber(), e.entryPath(), now), e.traceId());
        }).toList());
        for (int i = 0; i < entries.size(); i++) {
            if (sameKeyAs[i] >= 0) {
                Result first = results[sameKeyAs[i]];
                results[i] = first instanceof Accepted a
                        ? new Stored(a.entryNumber() + ":" + entries.get(sameKeyAs[i]).requestHash()) : first;
            }
        }
        return List.of(results);
    }

    /** For each entry, the index of an earlier one with the same event and Idempotency-Key, else -1. */
    private static int[] firstWithSameKey(List<Entry> entries) {
        int[] sameKeyAs = new int[entries.size()];
        Map<List<Object>, Integer> first = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Integer earlier = e.idempotencyKey() == null ? null : first.putIfAbsent(List.of(e.eventId(), e.idempotencyKey()), i);
            sameKeyAs[i] = earlier == null ? -1 : earlier;
        }
        return sameKeyAs;
    }

    /**
     * Claims each key for its entry; a key claimed before answers with what it stored (a claim by a transaction
     * still open waits for it, like a lone entry's claim does).
     */
    private void claimKeys(List<Entry> entries, int[] sameKeyAs, Result[] results) {
        List<Integer> keyed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).idempotencyKey() != null && sameKeyAs[i] < 0) {
                keyed.add(i);
            }
        }
        if (keyed.isEmpty()) {
            return;
        }
        keyed.sort(Comparator.comparing((Integer i) -> entries.get(i).eventId()).thenComparing(i -> entries.get(i).idempotencyKey()));
        Set<List<Object>> claimed = new HashSet<>(SqlArrays.query(jdbc, """
                        insert into participation_idempotency (event_id, idempotency_key, request_hash)
                        select * from unnest(?::bigint[], ?::varchar[], ?::varchar[])
                        on conflict (event_id, idempotency_key) do nothing
                        returning event_id, idempotency_key""",
                (rs, n) -> List.<Object>of(rs.getLong(1), rs.getString(2)),
                column("bigint", values(entries, keyed, Entry::eventId)),
                column("varchar", values(entries, keyed, Entry::idempotencyKey)),
                column("varchar", values(entries, keyed, Entry::requestHash))));
        List<Integer> taken = keyed.stream()
                .filter(i -> !claimed.contains(List.of(entries.get(i).eventId(), entries.get(i).idempotencyKey()))).toList();
        if (taken.isEmpty()) {
            return;
        }
        Map<List<Object>, String> answers = new HashMap<>();
        SqlArrays.query(jdbc, """
                        select i.event_id, i.idempotency_key, i.entry_number, i.request_hash
                        from participation_idempotency i
                        join unnest(?::bigint[], ?::varchar[]) as k(event_id, idempotency_key)
                          on i.event_id = k.event_id and i.idempotency_key = k.idempotency_key""",
                (rs, n) -> answers.put(List.of(rs.getLong(1), rs.getString(2)),
                        rs.getObject(3) == null ? null : rs.getLong(3) + ":" + rs.getString(4)),
                column("bigint", values(entries, taken, Entry::eventId)),
                column("varchar", values(entries, taken, Entry::idempotencyKey)));
        for (int i : taken) {
            String answer = answers.get(List.of(entries.get(i).eventId(), entries.get(i).idempotencyKey()));
            // no answer: the key's row was purged (retention) between the two statements; its phone has entered
            results[i] = answer == null ? new Duplicate() : new Stored(answer);
        }
    }

    /** The entry numbers of the rows inserted, by (event, phone hash); a phone already entered gets none. */
    private Map<List<Object>, Long> insertParticipants(List<Entry> entries, List<Integer> rows) {
        Map<List<Object>, Long> numbers = new HashMap<>();
        if (rows.isEmpty()) {
            return numbers;
        }
        SqlArrays.query(jdbc, """
                        insert into participants (event_id, entry_number, name_encrypted, name_hash, phone_encrypted,
                                                  phone_hash, entry_path, consent_at)
                        select event_id, nextval(sequence_name::regclass), name_encrypted, name_hash, phone_encrypted,
                               phone_hash, entry_path, now()
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[])
                          as e(event_id, sequence_name, name_encrypted, name_hash, phone_encrypted, phone_hash, entry_path)
                        on conflict (event_id, phone_hash) do nothing
                        returning event_id, phone_hash, entry_number""",
                (rs, n) -> numbers.put(List.of(rs.getLong(1), rs.getString(2)), rs.getLong(3)),
                column("bigint", values(entries, rows, Entry::eventId)),
                column("text", values(entries, rows, e -> EntrySequences.name(e.eventId()))),
                column("text", values(entries, rows, Entry::nameEncrypted)),
                column("varchar", values(entries, rows, Entry::nameHash)),
                column("text", values(entries, rows, Entry::phoneEncrypted)),
                column("varchar", values(entries, rows, Entry::phoneHash)),
                column("varchar", values(entries, rows, Entry::entryPath)));
        return numbers;
    }

    /** A claimed key keeps its entry's number, or is given back when the entry was a duplicate. */
    private void settleKeys(List<Entry> entries, List<Integer> rows, Result[] results) {
        List<Integer> answered = new ArrayList<>();
        List<Integer> released = new ArrayList<>();
        for (int i : rows) {
            if (entries.get(i).idempotencyKey() != null) {
                (results[i] instanceof Accepted ? answered : released).add(i);
            }
        }
        if (!answered.isEmpty()) {
            SqlArrays.update(jdbc, """
                            update participation_idempotency i set entry_number = k.entry_number
                            from unnest(?::bigint[], ?::varchar[], ?::bigint[]) as k(event_id, idempotency_key, entry_number)
                            where i.event_id = k.event_id and i.idempotency_key = k.idempotency_key""",
                    column("bigint", values(entries, answered, Entry::eventId)),
                    column("varchar", values(entries, answered, Entry::idempotencyKey)),
                    column("bigint", answered.stream().map(i -> ((Accepted) results[i]).entryNumber()).toArray()));
        }
        if (!released.isEmpty()) {
            SqlArrays.update(jdbc, """
                            delete from participation_idempotency i
                            using unnest(?::bigint[], ?::varchar[]) as k(event_id, idempotency_key)
                            where i.event_id = k.event_id and i.idempotency_key = k.idempotency_key""",
                    column("bigint", values(entries, released, Entry::eventId)),
                    column("varchar", values(entries, released, Entry::idempotencyKey)));
        }
    }

    private static Object[] values(List<Entry> entries, List<Integer> rows, Function<Entry, Object> field) {
        return rows.stream().map(i -> field.apply(entries.get(i))).toArray();
    }
}
