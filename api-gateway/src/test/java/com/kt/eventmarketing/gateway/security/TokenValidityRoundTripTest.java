package com.kt.eventmarketing.gateway.security;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.gateway.Owners;
import com.kt.eventmarketing.gateway.RedisCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import redis.clients.jedis.JedisPooled;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

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

        List<String> commands = RedisCommands.during(redisUrl, redis,
                () -> assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200));
        List<String> aboutThisToken = commands.stream()
                .filter(c -> c.contains(sessionId) || c.contains("\"" + ownerKey + "\"")).toList();
        assertThat(aboutThisToken).as("Redis commands naming the token's session or owner").hasSize(1);
        assertThat(aboutThisToken.get(0).toLowerCase(Locale.ROOT))
                .contains("\"mget\"").contains(TokenRevocations.LOADED_MARKER).contains(ownerKey);
    }
}
