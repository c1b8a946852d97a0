package com.kt.eventmarketing.shared.redis;

import com.kt.eventmarketing.testsupport.RealServers;
import com.kt.eventmarketing.testsupport.WithRealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithRealServers
class LuaScriptTest {
    private static final LuaScript INCR_BY = new LuaScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");

    private JedisPooled redis;

    @BeforeEach
    void connect() {
        redis = new JedisPooled(RealServers.redisUrl());
        redis.del("lua-script-test");
    }

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void itsIdIsTheOneRedisGivesTheBody() {
        assertThat(INCR_BY.sha1()).isEqualTo(redis.scriptLoad("return redis.call('INCRBY', KEYS[1], ARGV[1])"));
    }

    @Test
    void runsAfterRedisForgotItsScriptsAndIsCachedAgainAfterwards() {
        redis.scriptFlush();
        assertThat(redis.scriptExists(List.of(INCR_BY.sha1()))).containsExactly(false);

        assertThat(INCR_BY.run(redis, List.of("lua-script-test"), List.of("5"))).isEqualTo(5L);
        assertThat(redis.scriptExists(List.of(INCR_BY.sha1()))).containsExactly(true);
        // the second call goes by its id; the effect proves it ran exactly once more
        assertThat(INCR_BY.run(redis, List.of("lua-script-test"), List.of("2"))).isEqualTo(7L);
        assertThat(redis.get("lua-script-test")).isEqualTo("7");
    }
}
