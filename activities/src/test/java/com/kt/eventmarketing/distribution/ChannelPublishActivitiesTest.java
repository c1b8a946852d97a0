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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ChannelPublishActivitiesTest {

    private final SandboxServer sandbox = SandboxServer.get();
    private ChannelPublishActivitiesImpl activities;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() {
        sandbox.reset();
        ChannelEndpointProperties endpoint = new ChannelEndpointProperties(null, "channel-token", "17841400000",
                Duration.ofSeconds(5));
        ChannelConnections connections = new ChannelConnections(new ChannelsProperties(endpoint, endpoint, endpoint,
                endpoint, endpoint, endpoint), sandbox.clients(), SandboxServer.guard());
        activities = new ChannelPublishActivitiesImpl(List.of(new InstagramAdapter(connections),
                new NaverBlogAdapter(connections), new KakaoChannelAdapter(connections),
                new UridongneTvAdapter(connections), new RingobizAdapter(connections), new GiniTvAdapter(connections)), new PublicUrlProperties(URI.create("http://127.0.0.1:8080")),
                meters);
    }

    @ParameterizedTest
    @EnumSource(ChannelType.class)
    void everyChannelAcceptsAPost(ChannelType channel) {
        ChannelPublishResult result = activities.publish(request(channel, 10));

        assertThat(result.channel()).isEqualTo(channel);
        assertThat(result.externalId()).isNotBlank();
    }

    /**
     * Each channel's post carries the event page marked with that channel, whatever link the workflow sent (older
     * workflows still send the JSON API's URL), and its own poster; channels whose API takes no link (the TV slot,
     * the ring-back tone) carry none.
     */
    @Test
    void everyPostLinksToTheEventPageMarkedWithItsChannelAndCarriesItsOwnPoster() {
        Map<ChannelType, String> groups = Map.of(ChannelType.INSTAGRAM, "instagram", ChannelType.NAVER_BLOG, "naver",
                ChannelType.KAKAO_CHANNEL, "kakao", ChannelType.GINITV, "ginitv");
        groups.forEach((channel, group) -> {
            String poster = "http://127.0.0.1:8080/api/v1/images/e30-" + channel.name().toLowerCase() + "-1.png";
            ChannelPublishRequest old = request(channel, 30);
            activities.publish(new ChannelPublishRequest(30, channel, Map.of(), "맛있는 치킨", "주말 이벤트", "치킨",
                    "안내", poster, "http://127.0.0.1:8080/api/v1/public/events/30", old.startAt(), old.endAt()));
            String posts = sandbox.posts(group);
            assertThat(posts).as(group).contains("http://127.0.0.1:8080/e/30?via=" + channel.name())
                    .contains(poster).doesNotContain("/api/v1/public/events/30");
        });
    }

    @Test
    void aRepeatedPublishWithTheSameKeyCreatesOnePost() {
        ChannelPublishResult first = activities.publish(request(ChannelType.INSTAGRAM, 11));
        ChannelPublishResult second = activities.publish(request(ChannelType.INSTAGRAM, 11));

        assertThat(second.externalId()).isEqualTo(first.externalId());
        String log = sandbox.requests("instagram");
        assertThat(countOf(log, "media_publish\",\"group\"")).isEqualTo(2);
        assertThat(countOf(log, "\"replayed\":false")).isEqualTo(4); // create, publish and two permalink reads
        assertThat(countOf(log, "\"replayed\":true")).isEqualTo(2);
        assertThat(posts(ChannelType.INSTAGRAM, "published")).as("the repeat the key turned into a no-op is no new post")
                .isEqualTo(1);
    }

    @Test
    void retractTakesThePostDownAndToleratesARepeat() {
        ChannelPublishResult post = activities.publish(request(ChannelType.GINITV, 12));

        activities.retract(new ChannelRetractRequest(12, ChannelType.GINITV, post.externalId()));
        activities.retract(new ChannelRetractRequest(12, ChannelType.GINITV, post.externalId()));

        assertThat(countOf(sandbox.requests("ginitv"), "\"method\":\"DELETE\"")).isEqualTo(2);
        assertThat(posts(ChannelType.GINITV, "published")).isEqualTo(1);
        assertThat(posts(ChannelType.GINITV, "retracted")).isEqualTo(1);
    }

    @Test
    void a400IsNotRetryable() {
        ChannelPublishRequest tooLong = new ChannelPublishRequest(13, ChannelType.RINGOBIZ, Map.of(), "가게",
                "아주 긴 제목 ".repeat(40), "쿠폰", null, "http://img", "http://p", Instant.now(), Instant.now());

        assertThatThrownBy(() -> activities.publish(tooLong))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.isNonRetryable()).isTrue();
                    assertThat(failure.getType()).isEqualTo(ExternalCallFailures.REJECTED);
                });
        assertThat(posts(ChannelType.RINGOBIZ, "failed")).as("non-retryable: the channel's outcome").isEqualTo(1);
        assertThat(posts(ChannelType.RINGOBIZ, "published")).isZero();
    }

    @Test
    void onlyTheLastAttemptOfARetryableFailureIsTheOutcome() {
        ActivityInfo attempt = mock(ActivityInfo.class);
        when(attempt.getRetryOptions()).thenReturn(RetryOptions.newBuilder().setMaximumAttempts(3)
                .setDoNotRetry("NoSuchChannel").build());
        ApplicationFailure retryable = ApplicationFailure.newFailure("channel answered HTTP 503", ExternalCallFailures.SERVER_ERROR);

        when(attempt.getAttempt()).thenReturn(1);
        assertThat(ChannelPublishActivitiesImpl.isLastAttempt(retryable, attempt)).isFalse();
        assertThat(ChannelPublishActivitiesImpl.isLastAttempt(ApplicationFailure.newNonRetryableFailure("400", ExternalCallFailures.REJECTED), attempt)).isTrue();
        assertThat(ChannelPublishActivitiesImpl.isLastAttempt(ApplicationFailure.newFailure("gone", "NoSuchChannel"), attempt))
                .as("a type the policy does not retry").isTrue();
        when(attempt.getAttempt()).thenReturn(3);
        assertThat(ChannelPublishActivitiesImpl.isLastAttempt(retryable, attempt)).isTrue();
        when(attempt.getRetryOptions()).thenReturn(RetryOptions.newBuilder().build());
        assertThat(ChannelPublishActivitiesImpl.isLastAttempt(retryable, attempt)).as("unlimited attempts").isFalse();
    }

    @Test
    void a429CarriesRetryAfterAsNextRetryDelay() {
        sandbox.setFaults("kakao", "{\"rateLimitPerSecond\":1}");
        activities.publish(request(ChannelType.KAKAO_CHANNEL, 14));

        assertThatThrownBy(() -> activities.publish(request(ChannelType.KAKAO_CHANNEL, 15)))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.isNonRetryable()).isFalse();
                    assertThat(failure.getType()).isEqualTo(ExternalCallFailures.RATE_LIMITED);
                    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(1));
                });
    }

    @Test
    void theBreakerOpensAfterFailuresAndStopsCallingTheChannel() {
        sandbox.setFaults("naver", "{\"outage\":true}");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> activities.publish(request(ChannelType.NAVER_BLOG, 16)))
                    .isInstanceOfSatisfying(ApplicationFailure.class, failure ->
                            assertThat(failure.getType()).isEqualTo(ExternalCallFailures.SERVER_ERROR));
        }

        assertThatThrownBy(() -> activities.publish(request(ChannelType.NAVER_BLOG, 16)))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo(ExternalCallFailures.CIRCUIT_OPEN);
                    assertThat(failure.isNonRetryable()).isFalse();
                    assertThat(failure.getNextRetryDelay()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
                });
        assertThat(countOf(sandbox.requests("naver"), "\"status\":503")).isEqualTo(5);
    }

    private double posts(ChannelType channel, String outcome) {
        var counter = meters.find(ChannelPublishActivitiesImpl.POSTS_METRIC).tag("channel", channel.name())
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static ChannelPublishRequest request(ChannelType channel, long eventId) {
        return new ChannelPublishRequest(eventId, channel, Map.of("radiusMeters", "800"), "맛있는 치킨",
                "주말 인증샷 이벤트", "치킨 1마리", "매장에서 QR을 찍어 주세요", "http://127.0.0.1:8080/api/v1/images/x.png",
                "http://127.0.0.1:8080/e/" + eventId, Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-08T00:00:00Z"));
    }

    private static int countOf(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
