package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.shared.Topics;
import com.kt.eventmarketing.testsupport.RealServers;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import redis.clients.jedis.JedisPooled;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics consumers on the real broker and database: idempotency, ordering, dead letters, crashes.
 * <p>Every Spring context the test JVM keeps (and the workers process of the end-to-end fixture) runs consumers in
 * group {@code analytics}, and the partitions they are given are consumed where this test's metrics and injected
 * crashes cannot reach: so this test's consumers have a group of their own, which reads every partition from the
 * start (what others already applied is a duplicate, as in production). Other tests that need a context of their own
 * set {@code kt.analytics.consumer-enabled=false} unless they test analytics.
 */
@GatewayTest(properties = "kt.analytics.group-id=analytics-consumer-test")
class AnalyticsConsumerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    AnalyticsConsumer consumer;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JedisPooled redis;
    @Autowired
    @Qualifier(AnalyticsKafkaConfiguration.FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> analyticsFactory;
    AnalyticsFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new AnalyticsFixtures(jdbc, port, kafka);
        // Consumers of a context started right after AnalyticsBrokerRestartTest got their partitions 43 s after the
        // context (CI, 2026-11-30), longer than any WAIT below: what is measured starts once they consume.
        var container = listeners.getListenerContainer(AnalyticsConsumer.LISTENER_ID);
        AnalyticsFixtures.await("this group's consumers to be given their partitions", Duration.ofSeconds(120),
                () -> container.getAssignedPartitions() != null && container.getAssignedPartitions().stream()
                        .anyMatch(partition -> partition.topic().equals(Topics.PARTICIPANT_REGISTERED)));
    }

    @AfterEach
    void noHook() {
        consumer.setFaultHook(null);
        var container = listeners.getListenerContainer(AnalyticsConsumer.LISTENER_ID);
        if (!container.isRunning()) {
            container.start();
        }
    }

    /**
     * Each batch is a PostgreSQL transaction and an offset commit: a fetch that returned the moment one record had
     * arrived made a batch of every few records under load (the worker pools' consumer threads showed in the intake
     * benchmark). The consumers wait for 64 KiB or 100 ms instead.
     */
    @Test
    void consumersWaitForAFullerFetchInsteadOfReturningPerRecord() {
        Map<String, Object> config = analyticsFactory.getConsumerFactory().getConfigurationProperties();
        assertThat(config).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    }

    @Test
    void replayingTheSameMessagesTwiceLeavesTheCountsUnchanged() {
        long eventId = fx.activeEvent(fx.owner(), 100, 150.0);
        List<UUID> ids = new ArrayList<>();
        Instant at = Instant.parse("2026-03-07T03:15:00Z"); // 12:15 in Seoul
        for (int i = 1; i <= 30; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            fx.sendParticipant(eventId, id, i, i % 3 == 0 ? "STORE_VISIT" : "INSTAGRAM", at);
        }
        AnalyticsFixtures.await("30 projected", WAIT, () -> fx.projected(eventId) == 30);

        for (int i = 0; i < ids.size(); i++) { // the same 30 again, e.g. a relay re-send after a crash
            fx.sendParticipant(eventId, ids.get(i), i + 1, (i + 1) % 3 == 0 ? "STORE_VISIT" : "INSTAGRAM", at);
        }
        fx.sendParticipant(eventId, UUID.randomUUID(), 31, "KAKAO_CHANNEL", at); // same key → after the replays
        AnalyticsFixtures.await("marker projected", WAIT, () -> fx.projected(eventId) >= 31);

        assertThat(fx.projected(eventId)).isEqualTo(31);
        assertThat(jdbc.queryForObject("select sum(participants) from analytics_entry_paths where event_id = ?", Long.class, eventId)).isEqualTo(31);
        assertThat(jdbc.queryForObject("select participants from analytics_entry_paths where event_id = ? and entry_path = 'STORE_VISIT'", Long.class, eventId)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select participants from analytics_hourly where event_id = ?", Long.class, eventId)).isEqualTo(31);
        assertThat(jdbc.queryForObject("select participants from analytics_daily where event_id = ? and day = date '2026-03-07'", Long.class, eventId)).isEqualTo(31);
        assertThat(jdbc.queryForObject("select count(*) from processed_messages where event_id = ?", Long.class, eventId)).isEqualTo(31);
        assertThat(meters.find("kt.analytics.messages").tag("outcome", "duplicate").counter().count()).isGreaterThanOrEqualTo(30);
        // the live counter in Redis carries the same number
        AnalyticsFixtures.await("live counter", WAIT, () -> "31".equals(redis.hget(LiveCounters.liveKey(eventId), "participants")));
    }

    @Test
    void outOfOrderMessagesEndInTheSameState() {
        var owner = fx.owner();
        long eventId = fx.activeEvent(owner, 50, 120.0);
        // distribution round 2 (PUBLISHED) arrives before round 1 (FAILED); entries arrive before event.created
        fx.send(Topics.DISTRIBUTION_COMPLETED, eventId, null, AnalyticsFixtures.distribution(UUID.randomUUID(), eventId, 2, "NAVER_BLOG", "PUBLISHED"));
        fx.send(Topics.DISTRIBUTION_COMPLETED, eventId, null, AnalyticsFixtures.distribution(UUID.randomUUID(), eventId, 1, "NAVER_BLOG", "FAILED"));
        fx.sendParticipant(eventId, UUID.randomUUID(), 2, "NAVER_BLOG", Instant.now());
        fx.sendParticipant(eventId, UUID.randomUUID(), 1, "NAVER_BLOG", Instant.now().minusSeconds(7200));
        fx.send(Topics.EVENT_CREATED, eventId, null, AnalyticsFixtures.created(UUID.randomUUID(), eventId, owner.id(), 50));

        AnalyticsFixtures.await("all applied", WAIT, () -> jdbc.queryForObject(
                "select count(*) from processed_messages where event_id = ?", Long.class, eventId) == 5);
        assertThat(jdbc.queryForObject("select distribution_status from analytics_channels where event_id = ? and channel = 'NAVER_BLOG'",
                String.class, eventId)).isEqualTo("PUBLISHED");
        assertThat(jdbc.queryForObject("select distribution_round from analytics_events where event_id = ?", Integer.class, eventId)).isEqualTo(2);
        assertThat(fx.projected(eventId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select expected_participants from analytics_events where event_id = ?", Integer.class, eventId)).isEqualTo(50);
        assertThat(jdbc.queryForObject("select count(*) from analytics_hourly where event_id = ?", Long.class, eventId)).isEqualTo(2);
        // event.created's channel list added INSTAGRAM without touching NAVER_BLOG's newer state
        assertThat(jdbc.queryForObject("select distribution_status from analytics_channels where event_id = ? and channel = 'INSTAGRAM'",
                String.class, eventId)).isEqualTo("PENDING");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheRestContinue() {
        long eventId = fx.activeEvent(fx.owner(), 10, null);
        double before = deadLetters();
        fx.sendParticipant(eventId, UUID.randomUUID(), 1, "INSTAGRAM", Instant.now());
        String poison = "{not json at all " + UUID.randomUUID();
        fx.send(Topics.PARTICIPANT_REGISTERED, eventId, null, poison);
        fx.sendParticipant(eventId, UUID.randomUUID(), 2, "INSTAGRAM", Instant.now());
        fx.sendParticipant(eventId, UUID.randomUUID(), 3, "KAKAO_CHANNEL", Instant.now());

        AnalyticsFixtures.await("the three good ones", WAIT, () -> fx.projected(eventId) == 3);
        AnalyticsFixtures.await("dead-letter metric", WAIT, () -> deadLetters() >= before + 1);
        assertThat(readDeadLetters(Topics.PARTICIPANT_REGISTERED + ".DLT")).contains(poison);
    }

    @Test
    void aConsumerKilledBetweenCommitAndAckLosesNothingAndCountsNothingTwice() {
        long eventId = fx.activeEvent(fx.owner(), 40, 100.0);
        var container = listeners.getListenerContainer(AnalyticsConsumer.LISTENER_ID);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger killedBatch = new AtomicInteger();
        consumer.setFaultHook(records -> {
            boolean ours = records.stream().anyMatch(r -> Long.toString(eventId).equals(r.key()));
            if (ours && killed.compareAndSet(false, true)) {
                killedBatch.set(records.size());
                container.stop(() -> { }); // asynchronous: the consumer closes without committing this batch
                throw new IllegalStateException("simulated crash after the database commit, before the ack");
            }
        });
        for (int i = 0; i < 25; i++) {
            fx.enter(eventId, i % 2 == 0 ? "INSTAGRAM" : "STORE_VISIT");
        }
        AnalyticsFixtures.await("the crash", WAIT, killed::get);
        AnalyticsFixtures.await("container stopped", WAIT, () -> !container.isRunning());
        consumer.setFaultHook(null);
        container.start();

        AnalyticsFixtures.await("projection equals participants table", WAIT,
                () -> fx.projected(eventId) == 25 && fx.participantRows(eventId) == 25);
        // and stays so: nothing is applied twice when the re-delivered batch is processed
        AnalyticsFixtures.await("outbox drained", WAIT, () -> jdbc.queryForObject(
                "select count(*) from outbox where published_at is null", Long.class) == 0);
        fx.sendParticipant(eventId, UUID.randomUUID(), 1000, "INSTAGRAM", Instant.now()); // marker after the replays
        AnalyticsFixtures.await("marker", WAIT, () -> fx.projected(eventId) >= 26);
        assertThat(fx.projected(eventId)).isEqualTo(fx.participantRows(eventId) + 1);
        assertThat(killedBatch.get()).isPositive();
        assertThat(jdbc.queryForObject("select sum(participants) from analytics_entry_paths where event_id = ?", Long.class, eventId)).isEqualTo(26);
    }

    private double deadLetters() {
        var counter = meters.find("kt.analytics.dead.letters").tag("topic", Topics.PARTICIPANT_REGISTERED).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> readDeadLetters(String topic) {
        List<String> values = new ArrayList<>();
        try (var dlt = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            dlt.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                dlt.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                if (!values.isEmpty()) {
                    break;
                }
            }
        }
        return values;
    }
}
