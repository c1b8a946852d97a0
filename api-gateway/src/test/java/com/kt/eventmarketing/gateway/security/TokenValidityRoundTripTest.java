package com.kt.eventmarketing.gateway.security;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.gateway.Owners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;
import redis.clients.jedis.JedisPooled;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every owner request checks its token against Redis; what Redis holds for that check must come back in one round
 * trip. Watched with Redis's MONITOR: the commands of one authenticated request that name the token's session or
 * owner.
 */
@GatewayTest
class TokenValidityRoundTripTest {
    @LocalServerPort
    int port;
    @Autowired
    JedisPooled redis;
    @Value("${kt.redis.url}")
    String redisUrl;

    @Test
    void anAuthenticatedRequestReadsItsTokensStateFromRedisInOneRoundTrip() throws Exception {
        ApiClient api = new ApiClient(port);
        String token = api.post("/api/v1/users/register", null, Owners.registration()).json().get("accessToken").asString();
        assertThat(api.get("/api/v1/users/me", token).status()).as("caches the generation").isEqualTo(200);
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        String sessionId = claims.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
        String ownerKey = "auth:gen:" + claims.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");

        List<String> commands = new CopyOnWriteArrayList<>();
        try (Jedis monitor = new Jedis(URI.create(redisUrl))) {
            Thread watcher = new Thread(() -> {
                try {
                    monitor.monitor(new JedisMonitor() {
                        @Override
                        public void onCommand(String command) {
                            commands.add(command);
                        }
                    });
                } catch (RuntimeException closed) {
                    // the connection is closed at the end of the test
                }
            }, "redis-monitor");
            watcher.setDaemon(true);
            watcher.start();
            awaitSeen(commands, "kt:test:monitor-started:" + UUID.randomUUID());

            assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);

            awaitSeen(commands, "kt:test:monitor-done:" + UUID.randomUUID());
            monitor.disconnect();
            watcher.join(5_000);
        }
        List<String> aboutThisToken = commands.stream()
                .filter(c -> c.contains(sessionId) || c.contains("\"" + ownerKey + "\"")).toList();
        assertThat(aboutThisToken).as("Redis commands naming the token's session or owner").hasSize(1);
        assertThat(aboutThisToken.get(0).toLowerCase(Locale.ROOT))
                .contains("\"mget\"").contains(TokenRevocations.LOADED_MARKER).contains(ownerKey);
    }

    /** Sends a command naming {@code marker} until the monitor has seen it: everything before it has been seen too. */
    private void awaitSeen(List<String> commands, String marker) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            redis.exists(marker);
            Thread.sleep(50);
            if (commands.stream().anyMatch(c -> c.contains(marker))) {
                return;
            }
        }
        throw new AssertionError("MONITOR did not show " + marker);
    }
}
