package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker goes away while customers keep entering: every entry is still accepted (the outbox holds its
 * message), and once the broker is back the analytics count converges to exactly the participation table.
 */
@GatewayTest
class AnalyticsBrokerRestartTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void countsEqualTheDatabaseAfterABrokerRestart() {
        AnalyticsFixtures fx = new AnalyticsFixtures(jdbc, port, kafka);
        var owner = fx.owner();
        long eventId = fx.activeEvent(owner, 100, 150.0);
        for (int i = 0; i < 5; i++) {
            fx.enter(eventId, i % 2 == 0 ? "INSTAGRAM" : "STORE_VISIT");
        }
        AnalyticsFixtures.await("5 entries projected", Duration.ofSeconds(30), () -> fx.projected(eventId) == 5);

        RealServers.stopKafka();
        try {
            for (int i = 0; i < 10; i++) {
                fx.enter(eventId, "KAKAO_CHANNEL");
            }
            assertThat(fx.participantRows(eventId)).as("entries are accepted while the broker is down").isEqualTo(15);
            assertThat(fx.projected(eventId)).isEqualTo(5);
        } finally {
            RealServers.startKafka();
        }

        AnalyticsFixtures.await("15 entries projected after the restart", Duration.ofSeconds(120),
                () -> fx.projected(eventId) == 15);
        assertThat(jdbc.queryForObject("select count(*) from outbox where message_key = ? and published_at is null",
                Integer.class, Long.toString(eventId))).isZero();
        assertThat(fx.projected(eventId)).isEqualTo(fx.participantRows(eventId));
    }
}
