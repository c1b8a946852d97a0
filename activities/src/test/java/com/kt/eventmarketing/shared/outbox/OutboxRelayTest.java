package com.kt.eventmarketing.shared.outbox;

import com.kt.eventmarketing.shared.Topics;
import com.kt.eventmarketing.shared.retention.RetentionJobs;
import com.kt.eventmarketing.shared.retention.RetentionProperties;
import com.kt.eventmarketing.testsupport.RealServers;
import com.kt.eventmarketing.testsupport.WithRealServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay against a real broker and database: a record Kafka refuses for good no longer blocks the others. */
@WithRealServers
class OutboxRelayTest {
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private DefaultKafkaProducerFactory<String, String> producers;
    private SimpleMeterRegistry meters;
    private OutboxRelay relay;

    @BeforeEach
    void setUp() {
        var dataSource = new DriverManagerDataSource(RealServers.jdbcUrl(), RealServers.dbUser(), RealServers.dbPassword());
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // nothing of other tests in the way: this test reads the whole table
        jdbc.update("update outbox set published_at = now() where published_at is null");
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        meters = new SimpleMeterRegistry();
        relay = new OutboxRelay(jdbc, tx, new KafkaTemplate<>(producers), new OutboxProperties(true, 200L, 10, 3), meters);
    }

    @AfterEach
    void tearDown() {
        producers.destroy();
    }

    @Test
    void aRecordKafkaRefusesIsParkedAfterItsAttemptsAndTheRowsBehindItArePublished() {
        UUID poison = insert("x".repeat(2_000_000)); // over the producer's 1 MB max.request.size: refused for good
        UUID fine = insert("{\"eventId\":1}");

        assertThat(relay.relayBatch()).as("the row behind the poison one goes out at once").isEqualTo(1);
        assertThat(publishedAt(fine)).isNotNull();
        assertThat(jdbc.queryForObject("select attempts from outbox where message_id = ?", Integer.class, poison)).isEqualTo(1);

        relay.relayBatch();
        relay.relayBatch();
        assertThat(jdbc.queryForObject("select count(*) from outbox where message_id = ?", Integer.class, poison)).isZero();
        Map<String, Object> parked = jdbc.queryForMap("select attempts, last_error, length(payload) as size"
                + " from outbox_dead_letters where message_id = ?", poison);
        assertThat(parked.get("attempts")).isEqualTo(3);
        assertThat((String) parked.get("last_error")).contains("RecordTooLarge");
        assertThat(((Number) parked.get("size")).intValue()).as("kept whole for an operator").isEqualTo(2_000_000);
        assertThat(meters.counter("kt.outbox.dead.lettered").count()).isEqualTo(1);

        OutboxBacklog backlog = new OutboxBacklog(jdbc, meters);
        backlog.refresh();
        assertThat(meters.get(OutboxBacklog.BACKLOG).gauge().value()).isZero();
        assertThat(meters.get(OutboxBacklog.DEAD_LETTERS).gauge().value()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUnavailableBrokerCountsNoAttemptsSoAnOutageParksNothing() {
        assertThat(OutboxRelay.refusedForGood(new org.apache.kafka.common.errors.TimeoutException("broker down"))).isFalse();
        assertThat(OutboxRelay.refusedForGood(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moving")))
                .isFalse();
        assertThat(OutboxRelay.refusedForGood(new RuntimeException("wrapped",
                new org.apache.kafka.common.errors.RecordTooLargeException("too big")))).isTrue();
    }

    @Test
    void theBacklogGaugesShowWhatIsWaitingAndForHowLong() {
        UUID waiting = insert("{}");
        jdbc.update("update outbox set created_at = now() - interval '90 seconds' where message_id = ?", waiting);
        OutboxBacklog backlog = new OutboxBacklog(jdbc, meters);
        backlog.refresh();
        assertThat(meters.get(OutboxBacklog.BACKLOG).gauge().value()).isEqualTo(1);
        assertThat(meters.get(OutboxBacklog.OLDEST_AGE).gauge().value()).isBetween(89.0, 200.0);
    }

    @Test
    void retentionDeletesOnlyRowsPastTheirAge() {
        Instant now = Instant.now();
        UUID oldPublished = insert("{}");
        UUID newPublished = insert("{}");
        UUID unpublishedOld = insert("{}");
        jdbc.update("update outbox set published_at = ? where message_id = ?", Timestamp.from(now.minus(Duration.ofDays(8))), oldPublished);
        jdbc.update("update outbox set published_at = ? where message_id = ?", Timestamp.from(now.minus(Duration.ofDays(1))), newPublished);
        jdbc.update("update outbox set created_at = ? where message_id = ?", Timestamp.from(now.minus(Duration.ofDays(30))), unpublishedOld);
        UUID oldProcessed = UUID.randomUUID();
        UUID newProcessed = UUID.randomUUID();
        jdbc.update("insert into processed_messages (message_id, topic, processed_at) values (?, 't', ?)", oldProcessed,
                Timestamp.from(now.minus(Duration.ofDays(31))));
        jdbc.update("insert into processed_messages (message_id, topic, processed_at) values (?, 't', ?)", newProcessed,
                Timestamp.from(now.minus(Duration.ofDays(29))));

        RetentionJobs jobs = new RetentionJobs(jdbc, new RetentionProperties(true, null, null, null, 2), meters);
        Map<String, Integer> deleted = jobs.run(now);

        assertThat(publishedAt(oldPublished)).as("deleted").isNull();
        assertThat(jdbc.queryForObject("select count(*) from outbox where message_id in (?, ?)", Integer.class,
                newPublished, unpublishedOld)).as("young or unpublished rows stay").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from processed_messages where message_id = ?", Integer.class,
                oldProcessed)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from processed_messages where message_id = ?", Integer.class,
                newProcessed)).isEqualTo(1);
        assertThat(deleted.get("outbox")).isGreaterThanOrEqualTo(1);
        assertThat(meters.counter(RetentionJobs.DELETED_METRIC, "table", "processed_messages").count()).isGreaterThanOrEqualTo(1);
        relay.relayBatch(); // leave nothing unpublished for the next test
    }

    private UUID insert(String payload) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into outbox (message_id, topic, message_key, payload) values (?, ?, '1', ?)", id,
                Topics.PARTICIPANT_REGISTERED, payload);
        return id;
    }

    private Timestamp publishedAt(UUID id) {
        var rows = jdbc.queryForList("select published_at from outbox where message_id = ?", Timestamp.class, id);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
