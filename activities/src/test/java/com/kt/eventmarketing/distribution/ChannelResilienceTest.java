package com.kt.eventmarketing.distribution;

import com.kt.eventmarketing.distribution.channel.ChannelConnections;
import com.kt.eventmarketing.distribution.channel.ChannelEndpointProperties;
import com.kt.eventmarketing.distribution.channel.ChannelsProperties;
import com.kt.eventmarketing.distribution.channel.GiniTvAdapter;
import com.kt.eventmarketing.distribution.channel.InstagramAdapter;
import com.kt.eventmarketing.distribution.channel.KakaoChannelAdapter;
import com.kt.eventmarketing.distribution.channel.NaverBlogAdapter;
import com.kt.eventmarketing.distribution.channel.RingobizAdapter;
import com.kt.eventmarketing.distribution.channel.UridongneTvAdapter;
import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.shared.SandboxServer;
import com.kt.eventmarketing.shared.resilience.ExternalCallFailures;
import com.kt.eventmarketing.shared.resilience.ExternalCallGuard;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulkhead, breaker recovery, breaker metrics and token hygiene of the channel calls, over HTTP to the sandbox. */
@ExtendWith(OutputCaptureExtension.class)
class ChannelResilienceTest {

    private static final String TOKEN = "EAAG-channel-secret-token-9911";
    private static final String BREAKER = ChannelConnections.breakerName(ChannelType.NAVER_BLOG);

    private final SandboxServer sandbox = SandboxServer.get();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ExternalCallGuard guard;

    @AfterEach
    void tearDown() {
        sandbox.reset();
    }

    private ChannelPublishActivitiesImpl activities(Duration openWait, int bulkheadSlots, Duration bulkheadWait) {
        sandbox.reset();
        guard = new ExternalCallGuard(SandboxServer.resilience(openWait, bulkheadSlots, bulkheadWait), meters);
        ChannelEndpointProperties endpoint = new ChannelEndpointProperties(null, TOKEN, "17841400000",
                Duration.ofSeconds(5));
        ChannelConnections connections = new ChannelConnections(new ChannelsProperties(endpoint, endpoint, endpoint,
                endpoint, endpoint, endpoint), sandbox.clients(), guard);
        return new ChannelPublishActivitiesImpl(List.of(new InstagramAdapter(connections),
                new NaverBlogAdapter(connections), new KakaoChannelAdapter(connections),
                new UridongneTvAdapter(connections), new RingobizAdapter(connections), new GiniTvAdapter(connections)), new PublicUrlProperties(URI.create("http://127.0.0.1:8080")), new SimpleMeterRegistry());
    }

    @Test
    void theBulkheadRejectsCallsOverItsLimitWithoutReachingTheChannel() throws Exception {
        ChannelPublishActivitiesImpl activities = activities(Duration.ofSeconds(30), 2, Duration.ZERO);
        sandbox.setFaults("kakao", "{\"latencyMs\":1500}");
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                long eventId = 300 + i;
                calls.add(pool.submit(() -> {
                    start.await();
                    return activities.publish(request(ChannelType.KAKAO_CHANNEL, eventId));
                }));
            }
            start.countDown();
            int published = 0;
            List<String> rejections = new ArrayList<>();
            for (Future<?> call : calls) {
                try {
                    call.get(20, TimeUnit.SECONDS);
                    published++;
                } catch (java.util.concurrent.ExecutionException e) {
                    ApplicationFailure failure = (ApplicationFailure) e.getCause();
                    assertThat(failure.isNonRetryable()).isFalse();
                    rejections.add(failure.getType());
                }
            }

            assertThat(published).isEqualTo(2);
            assertThat(rejections).hasSize(callers - 2).containsOnly(ExternalCallFailures.BULKHEAD_FULL);
            assertThat(countOf(sandbox.requests("kakao"), "\"method\"")).isEqualTo(2);
            // turned away by the bulkhead is not a sign of an unhealthy channel
            String kakao = ChannelConnections.breakerName(ChannelType.KAKAO_CHANNEL);
            assertThat(guard.state(kakao)).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(count("resilience4j.circuitbreaker.calls", "name", kakao, "kind", "failed")).isZero();
            assertThat(count("resilience4j.circuitbreaker.calls", "name", kakao, "kind", "successful")).isEqualTo(2);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theBreakerOpensThenProbesHalfOpenAndClosesAfterRecovery() throws Exception {
        ChannelPublishActivitiesImpl activities = activities(Duration.ofSeconds(1), 10, Duration.ofMillis(500));
        sandbox.setFaults("naver", "{\"outage\":true}");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> activities.publish(request(ChannelType.NAVER_BLOG, 400)))
                    .isInstanceOf(ApplicationFailure.class);
        }
        assertThat(guard.state(BREAKER)).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(gauge("resilience4j.circuitbreaker.state", "state", "open")).isEqualTo(1);
        assertThatThrownBy(() -> activities.publish(request(ChannelType.NAVER_BLOG, 400)))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure ->
                        assertThat(failure.getType()).isEqualTo(ExternalCallFailures.CIRCUIT_OPEN));

        sandbox.setFaults("naver", "{}");
        Thread.sleep(1_200);

        activities.publish(request(ChannelType.NAVER_BLOG, 401));
        assertThat(guard.state(BREAKER)).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        activities.publish(request(ChannelType.NAVER_BLOG, 402));
        activities.publish(request(ChannelType.NAVER_BLOG, 403));

        assertThat(guard.state(BREAKER)).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(gauge("resilience4j.circuitbreaker.state", "state", "closed")).isEqualTo(1);
        assertThat(gauge("resilience4j.circuitbreaker.state", "state", "open")).isZero();
        assertThat(count("resilience4j.circuitbreaker.calls", "name", BREAKER, "kind", "failed")).isEqualTo(5);
        assertThat(count("resilience4j.circuitbreaker.not.permitted.calls", "name", BREAKER)).isEqualTo(1);
        assertThat(countOf(sandbox.requests("naver"), "\"status\":503")).isEqualTo(5);
        assertThat(countOf(sandbox.requests("naver"), "\"status\":200")).isEqualTo(3);
    }

    @Test
    void aHalfOpenProbeThatFailsReopensTheBreaker() throws Exception {
        ChannelPublishActivitiesImpl activities = activities(Duration.ofSeconds(1), 10, Duration.ofMillis(500));
        sandbox.setFaults("naver", "{\"outage\":true}");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> activities.publish(request(ChannelType.NAVER_BLOG, 410)))
                    .isInstanceOf(ApplicationFailure.class);
        }
        Thread.sleep(1_200);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> activities.publish(request(ChannelType.NAVER_BLOG, 411)))
                    .isInstanceOfSatisfying(ApplicationFailure.class, failure ->
                            assertThat(failure.getType()).isEqualTo(ExternalCallFailures.SERVER_ERROR));
        }

        assertThat(guard.state(BREAKER)).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void channelTokensNeverAppearInLogsOrFailures(CapturedOutput output) {
        ChannelPublishActivitiesImpl activities = activities(Duration.ofSeconds(30), 10, Duration.ofMillis(500));
        List<Throwable> failures = new ArrayList<>();
        activities.publish(request(ChannelType.INSTAGRAM, 420));
        sandbox.setFaults("naver", "{\"outage\":true}");
        sandbox.setFaults("kakao", "{\"rateLimitPerSecond\":1}");
        for (int i = 0; i < 6; i++) {
            failures.add(catchFailure(() -> activities.publish(request(ChannelType.NAVER_BLOG, 421))));
        }
        // the sandbox counts calls per calendar second, so two calls in a row can straddle a boundary and both pass:
        // call until one lands in a second that already had its call
        Throwable rateLimited = null;
        for (int i = 0; i < 20 && rateLimited == null; i++) {
            long eventId = 422 + i;
            rateLimited = catchFailure(() -> activities.publish(request(ChannelType.KAKAO_CHANNEL, eventId)));
        }
        failures.add(rateLimited);
        failures.add(catchFailure(() -> activities.publish(new ChannelPublishRequest(424, ChannelType.RINGOBIZ,
                Map.of(), "가게", "아주 긴 제목 ".repeat(40), "쿠폰", null, "http://img", "http://p", Instant.now(),
                Instant.now()))));

        assertThat(failures).hasSize(8).doesNotContainNull();
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(TOKEN);
        }
        assertThat(output.getAll()).doesNotContain(TOKEN);
        assertThat(new ChannelEndpointProperties(null, TOKEN, "1", Duration.ofSeconds(1)).toString())
                .doesNotContain(TOKEN);
        assertThat(new ChannelsProperties(null, null, null,
                new ChannelEndpointProperties(null, TOKEN, "1", Duration.ofSeconds(1)), null, null).toString())
                .doesNotContain(TOKEN);
    }

    private double gauge(String name, String tag, String value) {
        return meters.get(name).tags("name", BREAKER, tag, value).gauge().value();
    }

    /** The COUNT statistic of a meter, whichever kind (timer, counter, function counter) the binder registered. */
    private double count(String name, String... tags) {
        return meters.get(name).tags(tags).meters().stream()
                .flatMap(meter -> java.util.stream.StreamSupport.stream(meter.measure().spliterator(), false))
                .filter(measurement -> measurement.getStatistic() == io.micrometer.core.instrument.Statistic.COUNT)
                .mapToDouble(io.micrometer.core.instrument.Measurement::getValue).sum();
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    static ChannelPublishRequest request(ChannelType channel, long eventId) {
        return new ChannelPublishRequest(eventId, channel, Map.of("radiusMeters", "800"), "맛있는 치킨",
                "주말 인증샷 이벤트", "치킨 1마리", "매장에서 QR을 찍어 주세요", "http://127.0.0.1:8080/api/v1/images/x.png",
                "http://127.0.0.1:8080/e/" + eventId, Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-08T00:00:00Z"));
    }

    static int countOf(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
