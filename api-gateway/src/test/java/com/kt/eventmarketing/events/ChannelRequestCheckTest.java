package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.FieldViolation;
import com.kt.eventmarketing.participation.AutoDraw;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ChannelRequestCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final EventProperties LIMITS = new EventProperties(null, null, null, null, null, null, null, null);

    @Test
    void validSettingsOfEveryChannelPass() {
        assertThatCode(() -> ChannelRequestCheck.check(channels(List.of(
                channel(ChannelType.URIDONGNETV, Map.of("radiusMeters", "800", "timeSlots", "11:00-14:00, 17:00-21:00")),
                channel(ChannelType.RINGOBIZ, Map.of("ringbackText", "지금 전화주시면 치킨 반값 이벤트 안내!")),
                channel(ChannelType.GINITV, Map.of("targetRegion", "서울 강남구")),
                channel(ChannelType.INSTAGRAM, null)), NOW.plusSeconds(60), NOW.plus(Duration.ofDays(7))), NOW, LIMITS))
                .doesNotThrowAnyException();
    }

    @Test
    void aBadRadiusIsA400NamingTheSettingNotAFailedChannelAfterApproval() {
        List<FieldViolation> violations = violations(channels(List.of(
                channel(ChannelType.INSTAGRAM, null),
                channel(ChannelType.URIDONGNETV, Map.of("radiusMeters", "five hundred")))));
        assertThat(violations).extracting(FieldViolation::field).containsExactly("channels[1].settings.radiusMeters");
        assertThat(violations.get(0).rule()).isEqualTo("format");
    }

    @Test
    void outOfRangeSlotsUnknownKeysAndShortTextsAreNamed() {
        List<FieldViolation> violations = violations(channels(List.of(
                channel(ChannelType.URIDONGNETV, Map.of("radiusMeters", "99999", "timeSlots", "21:00-11:00")),
                channel(ChannelType.INSTAGRAM, Map.of("hashtags", "#치킨")),
                channel(ChannelType.RINGOBIZ, Map.of("ringbackText", "짧음")))));
        assertThat(violations).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                "channels[0].settings.radiusMeters", "channels[0].settings.timeSlots",
                "channels[1].settings.hashtags", "channels[2].settings.ringbackText");
        assertThat(violations).filteredOn(v -> v.field().endsWith("hashtags")).extracting(FieldViolation::rule)
                .containsExactly("unknown");
    }

    @Test
    void tooManySettingsAreRefusedAsOne() {
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i < 11; i++) {
            many.put("k" + i, "v");
        }
        assertThat(violations(channels(List.of(channel(ChannelType.GINITV, many)))))
                .extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("channels[0].settings", "size"));
    }

    @Test
    void thePeriodIsCappedSoThePurgeAfterTheEndCannotBePutOffForever() {
        var year9999 = new EventRequests.Channels(List.of(channel(ChannelType.INSTAGRAM, null)), NOW.plusSeconds(60),
                Instant.parse("9999-12-31T00:00:00Z"), null);
        assertThat(violations(year9999)).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("endAt", "max-period"));
        var farStart = new EventRequests.Channels(List.of(channel(ChannelType.INSTAGRAM, null)),
                NOW.plus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(401)), null);
        assertThat(violations(farStart)).extracting(FieldViolation::field).containsExactly("startAt");
        var ninetyDays = new EventRequests.Channels(List.of(channel(ChannelType.INSTAGRAM, null)), NOW,
                NOW.plus(Duration.ofDays(90)), null);
        assertThat(violations(ninetyDays)).isEmpty();
    }

    @Test
    void theAutomaticDrawIsCheckedByTheOneDrawRuleAndNamedUnderAutoDraw() {
        var bad = new EventRequests.Channels(List.of(channel(ChannelType.INSTAGRAM, null)), NOW.plusSeconds(60),
                NOW.plus(Duration.ofDays(7)), new EventRequests.AutoDrawBody(0, "LOTTERY", 4));
        assertThat(violations(bad)).extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("autoDraw.winnerCount", "min"),
                org.assertj.core.groups.Tuple.tuple("autoDraw.algorithm", "oneOf"),
                org.assertj.core.groups.Tuple.tuple("autoDraw.visitBonus", "range"));
        var good = new EventRequests.Channels(List.of(channel(ChannelType.INSTAGRAM, null)), NOW.plusSeconds(60),
                NOW.plus(Duration.ofDays(7)), new EventRequests.AutoDrawBody(3, "weighted", null));
        assertThat(ChannelRequestCheck.check(good, NOW, LIMITS)).as("case forgiven, the visit bonus defaulted")
                .isEqualTo(new AutoDraw(3, AutoDraw.Algorithm.WEIGHTED, AutoDraw.DEFAULT_VISIT_BONUS));
    }

    private static List<FieldViolation> violations(EventRequests.Channels body) {
        try {
            ChannelRequestCheck.check(body, NOW, LIMITS);
            return List.of();
        } catch (ApiException e) {
            assertThat(e.status().value()).isEqualTo(400);
            return e.violations();
        }
    }

    private static EventRequests.Channels channels(List<EventRequests.ChannelBody> channels) {
        return channels(channels, NOW.plusSeconds(60), NOW.plus(Duration.ofDays(7)));
    }

    private static EventRequests.Channels channels(List<EventRequests.ChannelBody> channels, Instant start, Instant end) {
        return new EventRequests.Channels(channels, start, end, null);
    }

    private static EventRequests.ChannelBody channel(ChannelType type, Map<String, String> settings) {
        return new EventRequests.ChannelBody(type, settings);
    }
}
