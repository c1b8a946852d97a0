package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.shared.crypto.FieldCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded measurements on the real servers (kept small: the machine is shared): entries per second through the
 * API with 32 concurrent clients, and a draw and a CSV export over 200,000 entries put in with SQL.
 */
@GatewayTest
class ParticipationScaleTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FieldCipher cipher;
    ParticipationFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ParticipationFixtures(jdbc, port);
    }

    /** 32 clients at once: every entry accepted is stored once, with its own entry number (the rate is the benchmark's). */
    @Test
    void concurrentClientsLoseNoEntryAndDuplicateNone() throws Exception {
        long eventId = fx.event(fx.owner(), "ACTIVE");
        int total = 3000;
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long start = System.nanoTime();
        Map<Integer, Integer> statuses = ParticipationApiTest.concurrently(32, () -> {
            int ok = 0;
            while (next.getAndIncrement() < total && System.nanoTime() < deadline) {
                var r = fx.enter(eventId, ParticipationFixtures.entry("김민수", ParticipationFixtures.uniquePhone(), "INSTAGRAM"), null);
                if (r.status() == 201) {
                    ok++;
                }
            }
            return ok;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long stored = jdbc.queryForObject("select count(*) from participants where event_id = ?", Long.class, eventId);
        System.out.printf("INTAKE: %d entries by 32 clients in %.2f s = %.0f entries/s%n", stored, seconds, stored / seconds);
        assertThat(stored).isEqualTo(statuses.entrySet().stream().mapToLong(e -> (long) e.getKey() * e.getValue()).sum());
        assertThat(stored).isEqualTo(total);
        Long distinct = jdbc.queryForObject("select count(distinct entry_number) from participants where event_id = ?", Long.class, eventId);
        assertThat(distinct).isEqualTo(stored);
        Long phones = jdbc.queryForObject("select count(distinct phone_hash) from participants where event_id = ?", Long.class, eventId);
        assertThat(phones).isEqualTo(stored);
    }

    @Test
    void drawAndExportOverTwoHundredThousandEntries() throws Exception {
        var owner = fx.owner();
        long eventId = fx.event(owner, "ACTIVE");
        int n = 200_000;
        long t0 = System.nanoTime();
        // Same ciphertexts on every row (it is test data); distinct phone hashes keep the unique constraint honest.
        jdbc.update("""
                        insert into participants (event_id, entry_number, name_encrypted, name_hash, phone_encrypted, phone_hash,
                                                  entry_path, consent_at)
                        select ?, g, ?, 'n', ?, md5(g::text) || md5((g + 1)::text), case when g % 3 = 0 then 'STORE_VISIT' else 'INSTAGRAM' end, now()
                        from generate_series(1, ?) g""",
                eventId, cipher.encrypt("김민수"), cipher.encrypt("01012345678"), n);
        fx.end(eventId);
        System.out.printf("SCALE: inserted %d rows in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);

        long t1 = System.nanoTime();
        var drawn = fx.post("/api/v1/events/" + eventId + "/draw-winners", owner.token(),
                Map.of("winnerCount", 1000, "algorithm", "WEIGHTED"));
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        System.out.printf("SCALE: draw of 1,000 winners over %d entries: %d ms (request)%n", n, (System.nanoTime() - t1) / 1_000_000);
        assertThat(drawn.json().get("participantCount").asLong()).isEqualTo(n);

        long t2 = System.nanoTime();
        HttpResponse<InputStream> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/events/" + eventId + "/participants/export"))
                .header("Authorization", "Bearer " + owner.token()).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = csv.body()) {
            for (int read; (read = in.read(buffer)) > 0; ) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        System.out.printf("SCALE: CSV export of %d rows (%d bytes) streamed in %d ms%n", lines - 1, bytes, (System.nanoTime() - t2) / 1_000_000);
        assertThat(lines).isEqualTo(n + 1);
    }
}
