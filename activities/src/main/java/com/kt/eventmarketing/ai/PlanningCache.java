package com.kt.eventmarketing.ai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * AI answers shared by shops of one kind and place (the design's Redis plan): trends per (business type,
 * region) for 1 hour, recommendations per (business type, region, objective) for 24 hours. A miss, a Redis
 * failure or an unreadable entry all just ask the model.
 */
@Component
public class PlanningCache {
    static final Duration TRENDS_TTL = Duration.ofHours(1);
    static final Duration RECOMMENDATIONS_TTL = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(PlanningCache.class);
    private static final TypeReference<List<Recommendation>> RECOMMENDATIONS = new TypeReference<>() {
    };

    private final JedisPooled redis;
    private final JsonMapper json;

    public PlanningCache(JedisPooled redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    public TrendAnalysis trends(TrendRequest request, Supplier<TrendAnalysis> ask) {
        String key = "ai:trends:" + request.businessType() + ":" + request.region();
        return cached(key, TRENDS_TTL, ask, text -> json.readValue(text, TrendAnalysis.class));
    }

    public List<Recommendation> recommendations(RecommendationRequest request, Supplier<List<Recommendation>> ask) {
        TrendRequest trend = request.trendRequest();
        String key = "ai:recommendations:" + trend.businessType() + ":" + trend.region() + ":" + trend.objective();
        return cached(key, RECOMMENDATIONS_TTL, ask, text -> json.readValue(text, RECOMMENDATIONS));
    }

    private <T> T cached(String key, Duration ttl, Supplier<T> ask, java.util.function.Function<String, T> read) {
        Optional<T> hit = read(key, read);
        if (hit.isPresent()) {
            return hit.get();
        }
        T answer = ask.get();
        try {
            redis.set(key, json.writeValueAsString(answer), SetParams.setParams().px(ttl.toMillis()));
        } catch (JedisException e) {
            log.debug("AI cache unavailable: {}", e.getMessage());
        }
        return answer;
    }

    private <T> Optional<T> read(String key, java.util.function.Function<String, T> read) {
        try {
            String text = redis.get(key);
            return text == null ? Optional.empty() : Optional.of(read.apply(text));
        } catch (JedisException | JacksonException e) {
            log.debug("AI cache entry {} not usable: {}", key, e.getMessage());
            return Optional.empty();
        }
    }
}
