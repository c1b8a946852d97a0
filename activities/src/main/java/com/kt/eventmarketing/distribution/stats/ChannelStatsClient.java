package com.kt.eventmarketing.distribution.stats;

import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.distribution.channel.ChannelConnection;
import com.kt.eventmarketing.distribution.channel.ChannelConnections;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads post statistics from each channel's API through that channel's {@link ChannelConnection}, i.e. behind the
 * same per-channel circuit breaker and bulkhead as publishing. Failures surface as the guard's exceptions.
 */
@Component
public class ChannelStatsClient {

    private final ChannelConnections connections;

    public ChannelStatsClient(ChannelConnections connections) {
        this.connections = connections;
    }

    record InsightValue(Object value) {
    }

    record Insight(String name, List<InsightValue> values) {
    }

    record Insights(List<Insight> data) {
    }

    public ChannelStats fetch(ChannelType channel, String externalId) {
        ChannelConnection connection = connections.of(channel);
        return switch (channel) {
            case INSTAGRAM -> {
                Insights insights = connection.call(http -> http.get()
                        .uri(uri -> uri.path("/{media}/insights").queryParam("metric", "impressions,reach")
                                .queryParam("period", "lifetime").build(externalId))
                        .retrieve().body(Insights.class));
                Long impressions = metric(insights, "impressions");
                yield new ChannelStats(channel, impressions, metric(insights, "reach"), null, null, null, null, Instant.now());
            }
            case RINGOBIZ -> {
                Map<?, ?> body = connection.call(http -> http.get().uri("/ringback-tones/{id}/stats", externalId)
                        .retrieve().body(Map.class));
                Long calls = number(body, "calls");
                yield new ChannelStats(channel, calls, number(body, "completedCalls"), null, calls,
                        number(body, "completedCalls"), decimal(body, "averageCallSeconds"), instant(body));
            }
            default -> {
                String path = switch (channel) {
                    case NAVER_BLOG -> "/posts/{id}/stats";
                    case KAKAO_CHANNEL -> "/messages/{id}/stats";
                    case URIDONGNETV -> "/slots/{id}/stats";
                    case GINITV -> "/ads/{id}/stats";
                    default -> throw new IllegalArgumentException("no statistics endpoint for " + channel);
                };
                Map<?, ?> body = connection.call(http -> http.get().uri(path, externalId).retrieve().body(Map.class));
                yield new ChannelStats(channel, number(body, "impressions"), number(body, "views"), number(body, "clicks"),
                        null, null, null, instant(body));
            }
        };
    }

    private static Long metric(Insights insights, String name) {
        if (insights == null || insights.data() == null) {
            return null;
        }
        return insights.data().stream().filter(i -> name.equals(i.name()) && i.values() != null && !i.values().isEmpty())
                .map(i -> i.values().get(i.values().size() - 1).value())
                .filter(Number.class::isInstance).map(v -> ((Number) v).longValue()).findFirst().orElse(null);
    }

    private static Long number(Map<?, ?> body, String field) {
        Object value = body == null ? null : body.get(field);
        return value instanceof Number n ? n.longValue() : null;
    }

    private static Double decimal(Map<?, ?> body, String field) {
        Object value = body == null ? null : body.get(field);
        return value instanceof Number n ? n.doubleValue() : null;
    }

    private static Instant instant(Map<?, ?> body) {
        Object value = body == null ? null : body.get("measuredAt");
        try {
            return value == null ? Instant.now() : Instant.parse(value.toString());
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
