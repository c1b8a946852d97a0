package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.gateway.RedisCommands;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.JedisPooled;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries that arrive together are written in one transaction, and inside it every entry keeps the rules it has
 * alone: one row per phone, a key's first answer replayed, a duplicate's key given back, one outbox message per row;
 * and Redis hears of the whole group at once.
 */
@GatewayTest
class EntryGroupCommitTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EntryGroupCommit groupCommit;
    @Autowired
    EntrySequences sequences;
    @Autowired
    JedisPooled redis;
    @Autowired
    ParticipationProperties properties;
    @Value("${kt.redis.url}")
    String redisUrl;

    @Test
    void entriesWrittenTogetherKeepEachEntrysOwnRules() {
        ParticipationFixtures fx = new ParticipationFixtures(jdbc, port);
        long eventId = fx.event(fx.owner(), "ACTIVE");
        sequences.ensure(eventId);
        var earlier = groupCommit.writeTogether(List.of(entry(eventId, "phone-a", "key-old", "hash-a")));
        long earlierNumber = ((EntryWrites.Accepted) earlier.get(0)).entryNumber();

        List<EntryWrites.Result> results = groupCommit.writeTogether(List.of(
                entry(eventId, "phone-b", null, null),
                entry(eventId, "phone-b", null, null),
                entry(eventId, "phone-c", "key-1", "hash-c"),
                entry(eventId, "phone-c", "key-1", "hash-c"),
                entry(eventId, "phone-b", "key-2", "hash-b"),
                entry(eventId, "phone-a", null, null),
                entry(eventId, "phone-z", "key-old", "hash-z")));

        assertThat(results.get(0)).isInstanceOf(EntryWrites.Accepted.class);
        assertThat(results.get(1)).as("the same phone earlier in the transaction").isInstanceOf(EntryWrites.Duplicate.class);
        long keyed = ((EntryWrites.Accepted) results.get(2)).entryNumber();
        assertThat(results.get(3)).as("the same key earlier in the transaction replays its answer")
                .isEqualTo(new EntryWrites.Stored(keyed + ":hash-c"));
        assertThat(results.get(4)).as("a keyed entry of a phone taken in the same transaction").isInstanceOf(EntryWrites.Duplicate.class);
        assertThat(results.get(5)).as("a phone that entered in an earlier transaction").isInstanceOf(EntryWrites.Duplicate.class);
        assertThat(results.get(6)).as("a key answered in an earlier transaction")
                .isEqualTo(new EntryWrites.Stored(earlierNumber + ":hash-a"));

        assertThat(jdbc.queryForList("select phone_hash from participants where event_id = ? order by phone_hash", String.class, eventId))
                .containsExactly("phone-a", "phone-b", "phone-c");
        assertThat(jdbc.queryForList("select idempotency_key || '=' || entry_number from participation_idempotency"
                + " where event_id = ? order by idempotency_key", String.class, eventId))
                .as("key-2's entry was a duplicate: its key is given back").containsExactly("key-1=" + keyed, "key-old=" + earlierNumber);
        assertThat(jdbc.queryForObject("select count(*) from outbox where topic = 'participant.registered' and message_key = ?",
                Long.class, Long.toString(eventId))).as("one message per participant row").isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from outbox where message_key = ? and payload like ?",
                Long.class, Long.toString(eventId), "%\"entryNumber\":" + keyed + ",%")).isEqualTo(1);
    }

    @Test
    void concurrentEntriesShareTransactions() throws Exception {
        ParticipationFixtures fx = new ParticipationFixtures(jdbc, port);
        long eventId = fx.event(fx.owner(), "ACTIVE");
        DistributionSummary perTransaction = meters.get("kt.participation.group.commit.entries").summary();
        long transactionsBefore = perTransaction.count();
        double entriesBefore = perTransaction.totalAmount();
        Set<Long> numbers = ConcurrentHashMap.newKeySet();

        Map<Integer, Integer> statuses = ParticipationApiTest.concurrently(48, () -> {
            var r = fx.enter(eventId, ParticipationFixtures.entry("김민수", ParticipationFixtures.uniquePhone(), "INSTAGRAM"), null);
            if (r.status() == 201) {
                numbers.add(r.json().get("entryNumber").asLong());
            }
            return r.status();
        });

        assertThat(statuses).isEqualTo(Map.of(201, 48));
        assertThat(new HashSet<>(numbers)).hasSize(48);
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id = ?", Long.class, eventId)).isEqualTo(48);
        long transactions = perTransaction.count() - transactionsBefore;
        double entries = perTransaction.totalAmount() - entriesBefore;
        assertThat(entries).isGreaterThanOrEqualTo(48);
        assertThat((double) transactions).as("48 entries at once in fewer transactions than entries").isLessThan(entries);
    }

    /**
     * A group's writer tells Redis about all its entries in one pipelined round trip, before any of them is answered:
     * per entry the only script is the precheck, the phones arrive in runs on one connection, and a phone answered
     * 201 is caught by Redis at once.
     */
    @Test
    void aGroupTellsRedisItsPhonesInOneRoundTripBeforeItsEntriesAreAnswered() throws Exception {
        ParticipationFixtures fx = new ParticipationFixtures(jdbc, port);
        long eventId = fx.event(fx.owner(), "ACTIVE");
        String phones = "kt:part:phones:" + eventId;
        List<String> entered = new CopyOnWriteArrayList<>();
        redis.getPool().clear(); // connections from before another test's restart of Redis would each fail once
        Thread.sleep(properties.redisBackoff().toMillis() + 200); // and the intake skips Redis for a while after one
        List<String> commands = RedisCommands.during(redisUrl, redis, () -> assertThat(ParticipationApiTest.concurrently(48, () -> {
            String phone = ParticipationFixtures.uniquePhone();
            int status = fx.enter(eventId, ParticipationFixtures.entry("김민수", phone, "INSTAGRAM"), null).status();
            if (status == 201) {
                entered.add(phone);
                assertThat(redis.scard(phones)).as("remembered before the answer").isPositive();
            }
            return status;
        })).isEqualTo(Map.of(201, 48)));

        List<String> aboutThisEvent = commands.stream().filter(c -> c.contains("\"" + phones + "\"")).toList();
        List<String> scripts = aboutThisEvent.stream().filter(c -> c.toLowerCase(Locale.ROOT).contains("\"evalsha\"")).toList();
        List<String> added = aboutThisEvent.stream().filter(c -> c.toLowerCase(Locale.ROOT).contains("\"sadd\"")).toList();
        assertThat(scripts).as("one script per entry: the precheck").hasSize(48);
        assertThat(added).as("each phone remembered once").hasSize(48);
        int runs = 0;
        String previous = null;
        for (String command : aboutThisEvent) {
            String client = RedisCommands.client(command);
            if (command.toLowerCase(Locale.ROOT).contains("\"sadd\"") && !client.equals(previous)) {
                runs++;
            }
            previous = client;
        }
        assertThat(runs).as("phones remembered in runs of a group's pipeline, fewer than the entries").isLessThan(48);
        double caughtBefore = meters.counter("kt.participation.rejected", "reason", "duplicate-redis").count();
        assertThat(fx.enter(eventId, ParticipationFixtures.entry("김민수", entered.get(0), "INSTAGRAM"), null).status()).isEqualTo(409);
        assertThat(meters.counter("kt.participation.rejected", "reason", "duplicate-redis").count() - caughtBefore).isEqualTo(1.0);
    }

    private static EntryWrites.Entry entry(long eventId, String phoneHash, String key, String requestHash) {
        return new EntryWrites.Entry(eventId, "sealed-name", "name-hash", "sealed-" + phoneHash, phoneHash, "INSTAGRAM",
                key, requestHash, null);
    }
}
