package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.shared.outbox.OutboxRelay;
import com.kt.eventmarketing.testsupport.RealServers;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.JedisPooled;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer entries on the real servers: validation, exactly-once under concurrency and without Redis, idempotency. */
@GatewayTest
class ParticipationApiTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JedisPooled redis;
    @Autowired
    MeterRegistry meters;
    ParticipationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ParticipationFixtures(jdbc, port);
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("name", "김", "name"),
                Arguments.of("name", "김사장1", "name"),
                Arguments.of("name", null, "name"),
                Arguments.of("phone", "12345", "phone"),
                Arguments.of("phone", "010-1234-56789", "phone"),
                Arguments.of("phone", null, "phone"),
                Arguments.of("entryPath", "TIKTOK", "entryPath"),
                Arguments.of("entryPath", "GINITV", "entryPath"), // a channel, but not one of this event's
                Arguments.of("entryPath", null, "entryPath"),
                Arguments.of("consent", false, "consent"),
                Arguments.of("consent", null, "consent"),
                Arguments.of("consent", "yes", "consent"));
    }

    @ParameterizedTest(name = "{0}={1} → 400 naming {2}")
    @MethodSource("badFields")
    void eachBadFieldAloneIsA400NamingIt(String field, Object value, String expected) {
        long eventId = fx.event(fx.owner(), "ACTIVE");
        Map<String, Object> body = ParticipationFixtures.entry("김민수", ParticipationFixtures.uniquePhone(), "INSTAGRAM");
        body.put(field, value);
        var response = fx.enter(eventId, body, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        var errors = response.json().get("errors");
        assertThat(errors.size()).as(response.toString()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(expected);
        assertThat(errors.get(0).get("rule").asString()).isNotBlank();
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id = ?", Long.class, eventId)).isZero();
    }

    @Test
    void everyBadFieldIsNamedAtOnceAndMalformedBodiesAre400() {
        long eventId = fx.event(fx.owner(), "ACTIVE");
        var response = fx.enter(eventId, Map.of("name", "x", "phone", "1", "entryPath", "?", "consent", false), null);
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "phone", "entryPath", "consent");
        assertThat(fx.enter(eventId, "{\"name\": ", null).status()).isEqualTo(400);
        assertThat(fx.enter(eventId, ParticipationFixtures.entry("김민수", ParticipationFixtures.uniquePhone(), "INSTAGRAM"),
                "bad key with spaces").json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void publicEventOnlyWhileActiveAndInsideItsPeriod() {
        var owner = fx.owner();
        long active = fx.event(owner, "ACTIVE");
        var page = fx.get("/api/v1/public/events/" + active, null);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("title").asString()).isEqualTo("주말 치킨 이벤트");
        assertThat(page.json().get("entryPaths").toString()).contains("INSTAGRAM", "KAKAO_CHANNEL", "STORE_VISIT");
        assertThat(page.json().get("drawCommitment").asString()).hasSize(64);
        assertThat(page.json().get("privacyNotice").asString()).contains("암호화");
        assertThat(page.json().get("rules").size()).isGreaterThan(0);
        assertThat(page.body()).doesNotContain("owner");

        long draft = fx.event(owner, "DRAFT");
        long ended = fx.event(owner, "ENDED");
        assertThat(fx.get("/api/v1/public/events/" + draft, null).status()).isEqualTo(404);
        assertThat(fx.get("/api/v1/public/events/" + ended, null).status()).isEqualTo(404);
        assertThat(fx.get("/api/v1/public/events/" + ended, null).json().get("detail").asString()).contains("ended");
        assertThat(fx.get("/api/v1/public/events/999999999", null).status()).isEqualTo(404);
        var entry = ParticipationFixtures.entry("김민수", ParticipationFixtures.uniquePhone(), "INSTAGRAM");
        assertThat(fx.enter(draft, entry, null).status()).isEqualTo(404);
        var closed = fx.enter(ended, entry, null);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("detail").asString()).contains("참여 기간이 아닙니다");
    }

    @Test
    void entriesAreEncryptedNumberedAndPublishedThroughTheOutbox() {
        long eventId = fx.event(fx.owner(), "ACTIVE");
        var first = fx.enter(eventId, ParticipationFixtures.entry("김민수", "010-2222-5678", "INSTAGRAM"), null);
        var second = fx.enter(eventId, ParticipationFixtures.entry("Alice", "+82 10 3333 5678", "store_visit"), null);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().get("entryNumber").asLong()).isGreaterThan(first.json().get("entryNumber").asLong());
        var again = fx.enter(eventId, ParticipationFixtures.entry("김민수", "01022225678", "KAKAO_CHANNEL"), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("이미 참여하신 이벤트입니다");

        var row = jdbc.queryForMap("select * from participants where event_id = ? and entry_number = ?", eventId,
                first.json().get("entryNumber").asLong());
        assertThat((String) row.get("phone_encrypted")).doesNotContain("01022225678").doesNotContain("5678");
        assertThat((String) row.get("name_encrypted")).doesNotContain("김민수");
        assertThat((String) row.get("phone_hash")).hasSize(64);
        List<Map<String, Object>> outbox = jdbc.queryForList(
                "select message_key, payload from outbox where topic = 'participant.registered' and message_key = ?", Long.toString(eventId));
        assertThat(outbox).hasSize(2);
        assertThat((String) outbox.get(0).get("payload")).contains("\"entryNumber\"").contains("\"messageId\"")
                .doesNotContain("5678").doesNotContain("김민수");

        // each message carries the trace id of the request that wrote it, in the row and as a Kafka header
        String firstTrace = first.header("X-Trace-Id");
        assertThat(firstTrace).isNotBlank().isNotEqualTo(second.header("X-Trace-Id"));
        UUID messageId = jdbc.queryForObject("select message_id from outbox where topic = 'participant.registered'"
                + " and message_key = ? and trace_id = ?", UUID.class, Long.toString(eventId), firstTrace);
        assertThat(traceHeaderOf("participant.registered", messageId)).isEqualTo(firstTrace);
    }

    /** Reads the topic from the start until the message arrives (the relay sends within a second or two). */
    private static String traceHeaderOf(String topic, UUID messageId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "trace-header-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var id = record.headers().lastHeader("message-id");
                    if (id != null && messageId.toString().equals(new String(id.value(), StandardCharsets.UTF_8))) {
                        var trace = record.headers().lastHeader(OutboxRelay.TRACE_ID_HEADER);
                        return trace == null ? null : new String(trace.value(), StandardCharsets.UTF_8);
                    }
                }
            }
        }
        throw new AssertionError("message " + messageId + " not on " + topic + " within 30 s");
    }

    @Test
    void hundredConcurrentIdenticalEntriesStoreExactlyOne() throws Exception {
        long eventId = fx.event(fx.owner(), "ACTIVE");
        var body = ParticipationFixtures.entry("김민수", ParticipationFixtures.uniquePhone(), "INSTAGRAM");
        double acceptedBefore = meters.counter("kt.participation.accepted").count();
        double duplicatesBefore = duplicatesCounted();
        Map<Integer, Integer> statuses = concurrently(100, () -> fx.enter(eventId, body, null).status());
        assertThat(statuses).as(statuses.toString()).containsOnlyKeys(201, 409);
        assertThat(statuses.get(201)).isEqualTo(1);
        assertThat(statuses.get(409)).isEqualTo(99);
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id = ?", Long.class, eventId)).isEqualTo(1);
        // the business counters count answers, not attempts: one accepted, 99 duplicates (Redis or the database)
        assertThat(meters.counter("kt.participation.accepted").count() - acceptedBefore).isEqualTo(1.0);
        assertThat(duplicatesCounted() - duplicatesBefore).isEqualTo(99.0);
    }

    private double duplicatesCounted() {
        return meters.counter("kt.participation.rejected", "reason", "duplicate-redis").count()
                + meters.counter("kt.participation.rejected", "reason", "duplicate-db").count();
    }

    @Test
    void withRedisStoppedAndThenFlushedEntriesAreStillAcceptedExactlyOnce() throws Exception {
        long eventId = fx.event(fx.owner(), "ACTIVE");
        String before = ParticipationFixtures.uniquePhone();
        assertThat(fx.enter(eventId, ParticipationFixtures.entry("김민수", before, "INSTAGRAM"), null).status()).isEqualTo(201);
        String during = ParticipationFixtures.uniquePhone();
        RealServers.stopRedis();
        try {
            Map<Integer, Integer> statuses = concurrently(30,
                    () -> fx.enter(eventId, ParticipationFixtures.entry("이영희", during, "STORE_VISIT"), null).status());
            assertThat(statuses).as(statuses.toString()).containsOnlyKeys(201, 409);
            assertThat(statuses.get(201)).isEqualTo(1);
            assertThat(fx.enter(eventId, ParticipationFixtures.entry("김민수", before, "INSTAGRAM"), null).status())
                    .as("known to Redis before it went away, caught by PostgreSQL now").isEqualTo(409);
            var keyed = fx.enter(eventId, ParticipationFixtures.entry("박철수", ParticipationFixtures.uniquePhone(), "INSTAGRAM"), "k-down");
            assertThat(keyed.status()).isEqualTo(201);
            assertThat(fx.enter(eventId, ParticipationFixtures.entry("박철수", null, "INSTAGRAM"), null).status()).isEqualTo(400);
        } finally {
            RealServers.startRedis(); // back empty: the same as a flush
        }
        assertThat(fx.enter(eventId, ParticipationFixtures.entry("이영희", during, "STORE_VISIT"), null).status()).isEqualTo(409);
        assertThat(fx.enter(eventId, ParticipationFixtures.entry("김민수", before, "INSTAGRAM"), null).status()).isEqualTo(409);
        assertThat(fx.enter(eventId, ParticipationFixtures.entry("최지우", ParticipationFixtures.uniquePhone(), "INSTAGRAM"), null).status())
                .isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id = ?", Long.class, eventId)).isEqualTo(4);
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() throws Exception {
        long eventId = fx.event(fx.owner(), "ACTIVE");
        var body = ParticipationFixtures.entry("김민수", ParticipationFixtures.uniquePhone(), "INSTAGRAM");
        var first = fx.enter(eventId, body, "key-1");
        assertThat(first.status()).isEqualTo(201);
        long number = first.json().get("entryNumber").asLong();

        var replay = fx.enter(eventId, body, "key-1");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("entryNumber").asLong()).isEqualTo(number);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");

        forgetInRedis(eventId); // Redis forgets everything about the event: PostgreSQL still answers
        var fromDatabase = fx.enter(eventId, body, "key-1");
        assertThat(fromDatabase.status()).isEqualTo(201);
        assertThat(fromDatabase.json().get("entryNumber").asLong()).isEqualTo(number);

        var otherBody = ParticipationFixtures.entry("김민수", ParticipationFixtures.uniquePhone(), "INSTAGRAM");
        var misuse = fx.enter(eventId, otherBody, "key-1");
        assertThat(misuse.status()).isEqualTo(422);
        assertThat(misuse.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(fx.enter(eventId, body, "key-2").status()).as("a new key is a new entry: the phone is taken").isEqualTo(409);

        var concurrentBody = ParticipationFixtures.entry("이영희", ParticipationFixtures.uniquePhone(), "KAKAO_CHANNEL");
        List<Long> numbers = new ArrayList<>();
        concurrently(20, () -> {
            var r = fx.enter(eventId, concurrentBody, "key-3");
            synchronized (numbers) {
                numbers.add(r.status() == 201 ? r.json().get("entryNumber").asLong() : -r.status());
            }
            return r.status();
        });
        assertThat(numbers).hasSize(20).containsOnly(numbers.get(0));
        assertThat(numbers.get(0)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from participants where event_id = ?", Long.class, eventId)).isEqualTo(2);
    }

    /** The test's own Redis client may hold connections from before a restart by another test: retry once. */
    private void forgetInRedis(long eventId) {
        for (int attempt = 0; ; attempt++) {
            try {
                redis.del("kt:part:phones:" + eventId);
                for (String key : redis.keys("kt:part:idem:" + eventId + ":*")) {
                    redis.del(key);
                }
                return;
            } catch (redis.clients.jedis.exceptions.JedisException e) {
                if (attempt == 30) { // each failure discards one stale pooled connection
                    throw e;
                }
            }
        }
    }

    static Map<Integer, Integer> concurrently(int n, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(call);
            }
            Map<Integer, Integer> counts = new HashMap<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                counts.merge(f.get(), 1, Integer::sum);
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }
}
