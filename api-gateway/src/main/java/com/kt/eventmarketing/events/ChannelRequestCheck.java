package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelSettings;
import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.FieldViolation;
import com.kt.eventmarketing.participation.AutoDraw;
import com.kt.eventmarketing.participation.DrawRequestReader;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the API checks of a channel choice before the workflow sees it: each channel's settings by that channel's
 * rules ({@link ChannelSettings}, the same rules its adapter reads them with), a period with an upper bound —
 * an end in the year 9999 would put the privacy purge, which runs after the end, off forever — and the automatic
 * draw by {@link AutoDraw}'s rules, the ones the workflow and the draw check again.
 */
final class ChannelRequestCheck {
    static final int MAX_SETTINGS_PER_CHANNEL = 10;

    private ChannelRequestCheck() {
    }

    /** Throws a 400 naming every broken field; returns the automatic draw asked for, null when none. */
    static AutoDraw check(EventRequests.Channels request, Instant now, EventProperties limits) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < request.channels().size(); i++) {
            EventRequests.ChannelBody channel = request.channels().get(i);
            Map<String, String> settings = channel.settings();
            if (channel.type() == null || settings == null) {
                continue;
            }
            String field = "channels[" + i + "].settings";
            if (settings.size() > MAX_SETTINGS_PER_CHANNEL) {
                violations.add(new FieldViolation(field, "size", "at most " + MAX_SETTINGS_PER_CHANNEL + " settings"));
                continue;
            }
            for (ChannelSettings.Violation v : ChannelSettings.check(channel.type(), settings)) {
                violations.add(new FieldViolation(field + "." + v.key(), v.rule(), v.message()));
            }
        }
        if (request.startAt() != null && request.startAt().isAfter(now.plus(limits.maxStartAhead()))) {
            violations.add(new FieldViolation("startAt", "max", "must be within " + days(limits.maxStartAhead())
                    + " days from now"));
        }
        if (request.startAt() != null && request.endAt() != null
                && Duration.between(request.startAt(), request.endAt()).compareTo(limits.maxPeriod()) > 0) {
            violations.add(new FieldViolation("endAt", "max-period", "the event may last at most "
                    + days(limits.maxPeriod()) + " days"));
        }
        EventRequests.AutoDrawBody body = request.autoDraw();
        AutoDraw autoDraw = body == null ? null : DrawRequestReader.read("autoDraw.", body.winnerCount(), body.algorithm(),
                body.visitBonus(), violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return autoDraw;
    }

    private static long days(Duration duration) {
        return duration.toDays();
    }
}
