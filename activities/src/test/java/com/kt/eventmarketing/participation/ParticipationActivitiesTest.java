package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.distribution.notification.NotificationProperties;
import com.kt.eventmarketing.distribution.notification.WinnerNotification;
import com.kt.eventmarketing.distribution.notification.WinnerNotificationClient;
import com.kt.eventmarketing.shared.SandboxServer;
import com.kt.eventmarketing.shared.crypto.CryptoProperties;
import com.kt.eventmarketing.shared.crypto.FieldCipher;
import com.kt.eventmarketing.shared.crypto.KeyedHasher;
import com.kt.eventmarketing.testsupport.RealServers;
import com.kt.eventmarketing.testsupport.WithRealServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static com.kt.eventmarketing.participation.AutoDraw.Algorithm.RANDOM;
import static com.kt.eventmarketing.participation.AutoDraw.Algorithm.WEIGHTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The workflow's participation activities on the real PostgreSQL and the in-JVM sandbox: the automatic draw is
 * idempotent and draws min(wanted, entries), bad settings fail for good, each winner is notified once whatever the
 * retries, and the purge erases exactly the non-winners (then the winners) while keeping every row.
 */
@WithRealServers
class ParticipationActivitiesTest {
    private static final AtomicLong PHONES = new AtomicLong(10_000_000L + new SecureRandom().nextInt(80_000_000));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxServer sandbox = SandboxServer.get();
    private JdbcTemplate jdbc;
    private FieldCipher cipher;
    private KeyedHasher hasher;
    private DrawLedger ledger;
    private SimpleMeterRegistry meters;
    private ParticipationActivitiesImpl activities;
    /** entry number → phone, per event, as the test put them in. */
    private final Map<Long, Map<Long, String>> phones = new HashMap<>();

    @BeforeEach
    void setUp() {
        sandbox.reset();
        var dataSource = new DriverManagerDataSource(RealServers.jdbcUrl(), RealServers.dbUser(), RealServers.dbPassword());
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        var crypto = new CryptoProperties(key(), key());
        cipher = new FieldCipher(crypto);
        hasher = new KeyedHasher(crypto);
        meters = new SimpleMeterRegistry();
        ledger = new DrawLedger(jdbc, dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), cipher, 1000,
                meters);
        var client = new WinnerNotificationClient(new NotificationProperties(null, "key", "15880000", "sender",
                Duration.ofSeconds(5)), sandbox.clients(), SandboxServer.guard());
        activities = new ParticipationActivitiesImpl(ledger, jdbc, cipher, client);
    }

    @Test
    void theAutomaticDrawIsIdempotentAndKeepsTheCommitment() {
        long eventId = endedEventWithEntries(10);
        activities.commitDrawSeed(eventId);
        String commitment = commitment(eventId);
        activities.commitDrawSeed(eventId);
        assertThat(commitment(eventId)).as("a second commit changes nothing").isEqualTo(commitment);

        assertThat(activities.drawWinners(eventId, new AutoDraw(3, WEIGHTED, 2))).isEqualTo(3);
        String winners = jdbc.queryForObject("select winner_entry_numbers from draws where event_id = ?", String.class, eventId);
        assertThat(activities.drawWinners(eventId, new AutoDraw(5, RANDOM, 1)))
                .as("a retried or replayed draw returns the existing count").isEqualTo(3);
        assertThat(winnerCount(eventId)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select winner_entry_numbers from draws where event_id = ?", String.class, eventId))
                .isEqualTo(winners);
        DrawLedger.Proof proof = ledger.proof(eventId).orElseThrow();
        assertThat(proof.drawn()).isTrue();
        assertThat(proof.commitment()).isEqualTo(commitment);
        assertThat(proof.algorithm()).isEqualTo("WEIGHTED");
        assertThat(proof.visitBonus()).isEqualTo(2);
        assertThat(WinnerDraw.commitment(java.util.HexFormat.of().parseHex(proof.seed()))).isEqualTo(commitment);
        assertThat(proof.winners()).hasSize(3).allSatisfy(w -> assertThat(w.phone()).matches("010-\\*\\*\\*\\*-\\d{4}"));
        assertThat(draws("drawn")).as("one real draw").isEqualTo(1);
        assertThat(draws("already_drawn")).as("the replay changed nothing and is not a second draw").isEqualTo(1);
        assertThat(meters.get(DrawLedger.DRAW_DURATION_METRIC).tag("algorithm", "WEIGHTED").timer().count()).isEqualTo(1);
    }

    @Test
    void fewerEntriesThanWinnersDrawsEveryEntryAndNoEntriesDrawsNothing() {
        long eventId = endedEventWithEntries(4);
        assertThat(activities.drawWinners(eventId, new AutoDraw(10, RANDOM, 2))).isEqualTo(4);
        assertThat(winnerCount(eventId)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select winner_count from draws where event_id = ?", Integer.class, eventId)).isEqualTo(4);
        assertThat(jdbc.queryForList("select winner_rank from participants where event_id = ? order by winner_rank", Integer.class, eventId))
                .containsExactly(1, 2, 3, 4);

        long empty = endedEventWithEntries(0);
        assertThat(activities.drawWinners(empty, new AutoDraw(3, RANDOM, 2))).isZero();
        assertThat(activities.drawWinners(empty, new AutoDraw(3, RANDOM, 2))).isZero();
        assertThat(ledger.proof(empty).orElseThrow().drawn()).as("nothing drawn, the seed stays secret").isFalse();
        assertThat(draws("drawn")).isEqualTo(1);
        assertThat(draws("no_entries")).isEqualTo(2);
    }

    private double draws(String outcome) {
        var counter = meters.find(DrawLedger.DRAWS_METRIC).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void badSettingsAndUnknownEventsFailWithoutRetry() {
        long eventId = endedEventWithEntries(3);
        for (AutoDraw bad : List.of(new AutoDraw(1, null, 2), new AutoDraw(1, RANDOM, 0),
                new AutoDraw(1, WEIGHTED, 4), new AutoDraw(0, RANDOM, 2))) {
            ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, () -> activities.drawWinners(eventId, bad));
            assertThat(failure).as(bad.toString()).isNotNull();
            assertThat(failure.isNonRetryable()).isTrue();
            assertThat(failure.getType()).isEqualTo(ParticipationActivitiesImpl.INVALID_SETTINGS);
        }
        assertThat(winnerCount(eventId)).isZero();
        assertThat(activities.drawWinners(eventId, new AutoDraw(1, WEIGHTED, 3))).as("the upper bonus is allowed").isEqualTo(1);

        ApplicationFailure missing = catchThrowableOfType(ApplicationFailure.class, () -> activities.commitDrawSeed(Long.MAX_VALUE));
        assertThat(missing.isNonRetryable()).isTrue();
        assertThat(missing.getType()).isEqualTo(ParticipationActivitiesImpl.EVENT_NOT_FOUND);
    }

    @Test
    void eachWinnerIsNotifiedOnceAcrossRetries() {
        long eventId = endedEventWithEntries(6);
        activities.drawWinners(eventId, new AutoDraw(3, RANDOM, 2));
        List<String> keys = winnerKeys(eventId);

        assertThat(activities.notifyWinners(eventId)).isEqualTo(3);
        assertThat(activities.notifyWinners(eventId)).as("a retry after success sends nothing").isZero();
        for (String key : keys) {
            assertThat(requests(key)).as("posted once, by 알림톡").hasSize(1)
                    .allSatisfy(r -> assertThat(r.get("group").asString()).isEqualTo("alimtalk"));
        }
        assertThat(jdbc.queryForList("select status from winner_notifications where event_id = ?", String.class, eventId))
                .hasSize(3).containsOnly("SENT");

        // a crash between the send and its SENT mark: the retry posts again with the same key, and the provider replays
        String lost = keys.get(1);
        jdbc.update("update winner_notifications set status = 'SENDING' where event_id = ? and idempotency_key = ?", eventId, lost);
        assertThat(activities.notifyWinners(eventId)).isEqualTo(1);
        assertThat(requests(lost)).hasSize(2);
        assertThat(accepted(lost)).as("the winner still got one message").isEqualTo(1);
        for (String key : keys) {
            assertThat(accepted(key)).as(key).isEqualTo(1);
        }
    }

    @Test
    void anOutageIsRetriedOnTheSameChannelAndOnlyUntriedWinnersFallBackToSms() {
        long eventId = endedEventWithEntries(8);
        activities.drawWinners(eventId, new AutoDraw(8, RANDOM, 2));
        List<String> keys = winnerKeys(eventId);

        // 알림톡 down: the first calls fail (and stay SENDING on 알림톡), then its breaker opens and the winners not
        // tried yet go by SMS; the activity fails retryably, naming no phone
        sandbox.setFaults("alimtalk", "{\"outage\":true}");
        ApplicationFailure down = catchThrowableOfType(ApplicationFailure.class, () -> activities.notifyWinners(eventId));
        assertThat(down.isNonRetryable()).isFalse();
        assertThat(down.getType()).isEqualTo(ParticipationActivitiesImpl.NOTIFICATIONS_PENDING);
        phones.get(eventId).values().forEach(phone -> assertThat(down.getMessage()).doesNotContain(phone));
        int bySms = jdbc.queryForObject("select count(*) from winner_notifications where event_id = ? and channel = 'SMS' and status = 'SENT'",
                Integer.class, eventId);
        int waiting = jdbc.queryForObject("select count(*) from winner_notifications where event_id = ? and channel = 'ALIMTALK'"
                + " and status = 'SENDING'", Integer.class, eventId);
        assertThat(bySms).as("the breaker opened and the rest went by SMS").isPositive();
        assertThat(bySms + waiting).isEqualTo(8);

        // 알림톡 back and its breaker closed again (a new guard stands for the open wait being over)
        sandbox.setFaults("alimtalk", "{}");
        activities = new ParticipationActivitiesImpl(ledger, jdbc, cipher, new WinnerNotificationClient(new NotificationProperties(
                null, "key", "15880000", "sender", Duration.ofSeconds(5)), sandbox.clients(), SandboxServer.guard()));
        assertThat(activities.notifyWinners(eventId)).isEqualTo(waiting);
        assertThat(activities.notifyWinners(eventId)).isZero();
        for (String key : keys) {
            assertThat(accepted(key)).as("exactly one message per winner, over both channels: " + key).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("select status from winner_notifications where event_id = ?", String.class, eventId))
                .hasSize(8).containsOnly("SENT");
    }

    @Test
    void thePurgeErasesExactlyTheNonWinnersThenTheWinnersAndKeepsEveryRow() {
        long eventId = endedEventWithEntries(8);
        long other = endedEventWithEntries(2);
        activities.drawWinners(eventId, new AutoDraw(3, RANDOM, 2));

        assertThat(activities.purgePersonalData(eventId, false)).isEqualTo(5);
        assertThat(count(eventId)).isEqualTo(8);
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id = ? and not is_winner and purged_at is not null"
                + " and name_encrypted = 'purged' and phone_encrypted = 'purged' and name_hash = 'purged' and phone_hash like 'purged-%'",
                Integer.class, eventId)).isEqualTo(5);
        List<Map<String, Object>> winners = jdbc.queryForList(
                "select entry_number, phone_encrypted, purged_at from participants where event_id = ? and is_winner", eventId);
        assertThat(winners).hasSize(3).allSatisfy(w -> {
            assertThat(w.get("purged_at")).isNull();
            assertThat(cipher.decrypt((String) w.get("phone_encrypted")))
                    .isEqualTo(phones.get(eventId).get(((Number) w.get("entry_number")).longValue()));
        });
        assertThat(activities.purgePersonalData(eventId, false)).as("idempotent").isZero();
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id = ? and purged_at is null", Integer.class, other))
                .as("other events are untouched").isEqualTo(2);

        assertThat(activities.purgePersonalData(eventId, true)).isEqualTo(3);
        assertThat(count(eventId)).isEqualTo(8);
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id = ? and purged_at is null", Integer.class, eventId)).isZero();
        assertThat(jdbc.queryForObject("select count(distinct phone_hash) from participants where event_id = ?", Integer.class, eventId)).isEqualTo(8);
        assertThat(winnerCount(eventId)).as("the draw's result stays").isEqualTo(3);
        assertThat(ledger.proof(eventId).orElseThrow().winners())
                .allSatisfy(w -> assertThat(w.phone()).isEqualTo(PersonalData.PURGED_DISPLAY));
        assertThat(activities.notifyWinners(eventId)).as("purged winners cannot be told").isZero();
        assertThat(activities.purgePersonalData(eventId, true)).isZero();
    }

    @Test
    void notificationKeysCarryNothingOfThePhoneAndOldPhoneHashKeysGoWithThePurge() throws Exception {
        long eventId = endedEventWithEntries(4);
        activities.drawWinners(eventId, new AutoDraw(2, RANDOM, 2));
        List<Long> winners = jdbc.queryForList("select entry_number from participants where event_id = ? and is_winner"
                + " order by winner_rank", Long.class, eventId);
        // a row written by the earlier code: its key was an unkeyed SHA-256 prefix of the phone, kept as sent
        String phone = phones.get(eventId).get(winners.get(1));
        String oldKey = "notify-" + eventId + "-" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(phone.getBytes()), 0, 12);
        jdbc.update("insert into winner_notifications (event_id, entry_number, channel, status, idempotency_key)"
                + " values (?, ?, 'ALIMTALK', 'SENDING', ?)", eventId, winners.get(1), oldKey);

        assertThat(activities.notifyWinners(eventId)).isEqualTo(2);
        assertThat(jdbc.queryForList("select idempotency_key from winner_notifications where event_id = ? order by entry_number",
                String.class, eventId)).containsExactlyInAnyOrder(WinnerNotification.keyFor(eventId, winners.get(0)), oldKey);
        assertThat(accepted(oldKey)).as("the earlier try's key is reused, so the provider sends once").isEqualTo(1);

        activities.purgePersonalData(eventId, true);
        assertThat(jdbc.queryForList("select idempotency_key from winner_notifications where event_id = ?", String.class, eventId))
                .containsOnly(PersonalData.PURGED);
    }

    // --- test data in our own real database ---

    private long endedEventWithEntries(int entries) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long userId = jdbc.queryForObject("insert into users (name, email, phone_encrypted, phone_hash, password_hash)"
                + " values ('김사장', ?, 'x', ?, 'x') returning id", Long.class, suffix + "@example.com", suffix);
        long storeId = jdbc.queryForObject("insert into stores (owner_id, name, business_type, address, business_number_encrypted)"
                + " values (?, '행복치킨', '음식점', '서울', 'x') returning id", Long.class, userId);
        long eventId = jdbc.queryForObject("insert into events (owner_id, store_id, objective, status, step, title, prize, start_at, end_at)"
                        + " values (?, ?, 'NEW_CUSTOMERS', 'ENDED', 'ENDED', '주말 치킨 이벤트', '치킨 1마리',"
                        + " now() - interval '2 days', now() - interval '1 hour') returning id",
                Long.class, userId, storeId);
        Map<Long, String> byEntry = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (long n = 1; n <= entries; n++) {
            String phone = "010" + PHONES.getAndIncrement();
            String name = "김민수" + n;
            byEntry.put(n, phone);
            rows.add(new Object[]{eventId, n, cipher.encrypt(name), hasher.hash(name), cipher.encrypt(phone), hasher.hash(phone),
                    n % 3 == 0 ? EntryPaths.STORE_VISIT : "INSTAGRAM"});
        }
        jdbc.batchUpdate("insert into participants (event_id, entry_number, name_encrypted, name_hash, phone_encrypted, phone_hash,"
                + " entry_path, consent_at) values (?, ?, ?, ?, ?, ?, ?, now())", rows);
        phones.put(eventId, byEntry);
        return eventId;
    }

    private List<String> winnerKeys(long eventId) {
        return jdbc.queryForList("select entry_number from participants where event_id = ? and is_winner order by winner_rank",
                        Long.class, eventId).stream()
                .map(n -> WinnerNotification.keyFor(eventId, n)).toList();
    }

    private List<JsonNode> requests(String key) {
        List<JsonNode> all = new ArrayList<>();
        JSON.readTree(sandbox.requestsWithKey(key)).forEach(all::add);
        return all;
    }

    /** Requests the provider acted on (answered 2xx without replaying an earlier answer). */
    private long accepted(String key) {
        return requests(key).stream().filter(r -> r.get("status").asInt() < 300 && !r.get("replayed").asBoolean()).count();
    }

    private String commitment(long eventId) {
        return jdbc.queryForObject("select commitment from draws where event_id = ?", String.class, eventId);
    }

    private int winnerCount(long eventId) {
        return jdbc.queryForObject("select count(*) from participants where event_id = ? and is_winner", Integer.class, eventId);
    }

    private int count(long eventId) {
        return jdbc.queryForObject("select count(*) from participants where event_id = ?", Integer.class, eventId);
    }

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
