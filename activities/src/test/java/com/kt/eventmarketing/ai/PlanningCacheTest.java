package com.kt.eventmarketing.ai;

import com.kt.eventmarketing.events.EventObjective;
import com.kt.eventmarketing.testsupport.RealServers;
import com.kt.eventmarketing.testsupport.WithRealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The AI cache against a real Redis: hits, keys per (type, region, objective), flush and outage fall back to the model. */
@WithRealServers
class PlanningCacheTest {
    private static JedisPooled redis;
    private static PlanningCache cache;

    /** For tests of the model calls themselves: a cache whose Redis refuses every connection (always a miss). */
    static PlanningCache withoutRedis() {
        return new PlanningCache(new JedisPooled("127.0.0.1", 1), JsonMapper.builder().build());
    }

    @BeforeAll
    static void connect() {
        redis = new JedisPooled("127.0.0.1", RealServers.redisPort());
        cache = new PlanningCache(redis, JsonMapper.builder().build());
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    @Test
    void recommendationsAreSharedPerBusinessTypeRegionAndObjective() {
        redis.flushAll();
        AtomicInteger asked = new AtomicInteger();
        var seoulChicken = request("음식점", "서울특별시", EventObjective.SALES);
        List<Recommendation> first = cache.recommendations(seoulChicken, () -> answer(asked));
        List<Recommendation> second = cache.recommendations(request("음식점", "서울특별시", EventObjective.SALES), () -> answer(asked));
        assertThat(asked).hasValue(1);
        assertThat(second).isEqualTo(first);
        assertThat(redis.pttl("ai:recommendations:음식점:서울특별시:SALES")).isGreaterThan(23 * 3_600_000L);

        cache.recommendations(request("음식점", "서울특별시", EventObjective.REVISIT), () -> answer(asked));
        cache.recommendations(request("카페", "서울특별시", EventObjective.SALES), () -> answer(asked));
        assertThat(asked).hasValue(3);

        redis.flushAll();
        cache.recommendations(seoulChicken, () -> answer(asked));
        assertThat(asked).as("a flushed cache asks the model again").hasValue(4);
    }

    @Test
    void trendsLiveOneHourAndARedisOutageOnlyCostsAMiss() {
        redis.flushAll();
        AtomicInteger asked = new AtomicInteger();
        var trendRequest = request("카페", "부산광역시", EventObjective.AWARENESS).trendRequest();
        cache.trends(trendRequest, () -> trends(asked));
        cache.trends(trendRequest, () -> trends(asked));
        assertThat(asked).hasValue(1);
        assertThat(redis.pttl("ai:trends:카페:부산광역시")).isBetween(3_000_000L, 3_600_000L);

        PlanningCache unreachable = withoutRedis();
        assertThat(unreachable.trends(trendRequest, () -> trends(asked)).summary()).isEqualTo("요약 2");
    }

    private static RecommendationRequest request(String type, String region, EventObjective objective) {
        return new RecommendationRequest(new TrendRequest(1, "가게", type, region, region + " 1", "겨울", objective), null);
    }

    private static List<Recommendation> answer(AtomicInteger asked) {
        int n = asked.incrementAndGet();
        return List.of(new Recommendation("제목 " + n, "경품", "방법", 100, 10_000, 120.5, "설명"),
                new Recommendation("둘", "경품", "방법", 90, 9_000, 110.0, "설명"),
                new Recommendation("셋", "경품", "방법", 80, 8_000, 100.0, "설명"));
    }

    private static TrendAnalysis trends(AtomicInteger asked) {
        int n = asked.incrementAndGet();
        return new TrendAnalysis("요약 " + n, List.of("a"), List.of("b"), List.of("c"), List.of("d"), "model");
    }
}
