package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.distribution.ChannelPublishRequest;
import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.distribution.channel.ChannelConnections;
import com.kt.eventmarketing.distribution.channel.ChannelEndpointProperties;
import com.kt.eventmarketing.distribution.channel.ChannelsProperties;
import com.kt.eventmarketing.distribution.channel.InstagramAdapter;
import com.kt.eventmarketing.distribution.channel.RingobizAdapter;
import com.kt.eventmarketing.distribution.stats.ChannelStatsClient;
import com.kt.eventmarketing.shared.SandboxServer;
import com.kt.eventmarketing.testsupport.RealServers;
import com.kt.eventmarketing.testsupport.WithRealServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.JedisPooled;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channel statistics against the sandbox and the real database: values stored, and when a channel API is down the
 * last value is kept and marked stale (failure newer than the last success, with the error) while other channels
 * still update.
 */
@WithRealServers
class ChannelStatsActivitiesTest {
    private final SandboxServer sandbox = SandboxServer.get();
    private JdbcTemplate jdbc;
    private ChannelStatsActivitiesImpl activities;
    private ChannelConnections connections;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        var dataSource = new DriverManagerDataSource(RealServers.jdbcUrl(), RealServers.dbUser(), RealServers.dbPassword());
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        var tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ChannelEndpointProperties endpoint = new ChannelEndpointProperties(null, "channel-token", "17841400000", Duration.ofSeconds(5));
        connections = new ChannelConnections(new ChannelsProperties(endpoint, endpoint, endpoint, endpoint, endpoint, endpoint),
                sandbox.clients(), SandboxServer.guard());
        var meters = new SimpleMeterRegistry();
        var live = new LiveCounters(new JedisPooled(RealServers.redisUrl()), jdbc, AnalyticsProperties.defaults());
        activities = new ChannelStatsActivitiesImpl(jdbc, tx, new ChannelStatsClient(connections), new AnalyticsProjection(jdbc),
                live, meters);
    }

    @Test
    void aChannelThatIsDownKeepsItsLastValueMarkedStaleWithItsAge() {
        long eventId = event();
        String media = new InstagramAdapter(connections).publish(request(eventId, ChannelType.INSTAGRAM)).externalId();
        String tone = new RingobizAdapter(connections).publish(request(eventId, ChannelType.RINGOBIZ)).externalId();
        jdbc.update("insert into event_channels (event_id, channel, status, attempts, external_id) values (?, 'INSTAGRAM', 'PUBLISHED', 1, ?)", eventId, media);
        jdbc.update("insert into event_channels (event_id, channel, status, attempts, external_id) values (?, 'RINGOBIZ', 'PUBLISHED', 1, ?)", eventId, tone);

        assertThat(activities.activeEventsForStats()).contains(eventId);
        var first = activities.pollChannelStats(eventId);
        assertThat(first.fetched()).isEqualTo(2);
        Map<String, Object> instagram = row(eventId, "INSTAGRAM");
        assertThat(((Number) instagram.get("impressions")).longValue()).isPositive();
        assertThat(((Number) instagram.get("views")).longValue()).isPositive();
        Map<String, Object> ringobiz = row(eventId, "RINGOBIZ");
        assertThat(((Number) ringobiz.get("calls")).longValue()).isPositive();
        assertThat(((Number) ringobiz.get("completed_calls")).longValue()).isPositive();
        assertThat(((Number) ringobiz.get("average_call_seconds")).doubleValue()).isEqualTo(42.5);
        long version = jdbc.queryForObject("select version from analytics_events where event_id = ?", Long.class, eventId);

        sandbox.setFaults("instagram", "{\"outage\":true}");
        var second = activities.pollChannelStats(eventId);
        assertThat(second.failed()).isEqualTo(1);
        assertThat(second.fetched()).isEqualTo(1);
        Map<String, Object> stale = row(eventId, "INSTAGRAM");
        assertThat(stale.get("impressions")).isEqualTo(instagram.get("impressions")); // last value kept
        assertThat(((Timestamp) stale.get("stats_failed_at")).toInstant())
                .isAfterOrEqualTo(((Timestamp) stale.get("stats_fetched_at")).toInstant());
        assertThat((String) stale.get("stats_error")).contains("channel-instagram");
        assertThat(row(eventId, "RINGOBIZ").get("stats_error")).isNull();
        assertThat(jdbc.queryForObject("select version from analytics_events where event_id = ?", Long.class, eventId)).isGreaterThan(version);

        sandbox.reset();
        var third = activities.pollChannelStats(eventId);
        assertThat(third.fetched()).isEqualTo(2);
        Map<String, Object> fresh = row(eventId, "INSTAGRAM");
        assertThat(((Timestamp) fresh.get("stats_fetched_at")).toInstant())
                .isAfter(((Timestamp) fresh.get("stats_failed_at")).toInstant());
        assertThat(fresh.get("stats_error")).isNull();
    }

    private Map<String, Object> row(long eventId, String channel) {
        return jdbc.queryForMap("select * from analytics_channels where event_id = ? and channel = ?", eventId, channel);
    }

    private long event() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long userId = jdbc.queryForObject("insert into users (name, email, phone_encrypted, phone_hash, password_hash)"
                + " values ('김사장', ?, 'x', ?, 'x') returning id", Long.class, suffix + "@example.com", suffix);
        long storeId = jdbc.queryForObject("insert into stores (owner_id, name, business_type, address, business_number_encrypted)"
                + " values (?, '치킨', '음식점', '서울', 'x') returning id", Long.class, userId);
        return jdbc.queryForObject("insert into events (owner_id, store_id, objective, status, step, start_at, end_at)"
                        + " values (?, ?, 'NEW_CUSTOMERS', 'ACTIVE', 'ACTIVE', now() - interval '1 hour', now() + interval '1 day') returning id",
                Long.class, userId, storeId);
    }

    private static ChannelPublishRequest request(long eventId, ChannelType channel) {
        return new ChannelPublishRequest(eventId, channel, Map.of(), "가게", "주말 이벤트", "치킨", null,
                "http://img/x.png", "http://p/" + eventId, Instant.now(), Instant.now().plusSeconds(86400));
    }
}
