package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelSettings;
import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.FieldViolation;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the API checks of a channel choice before the workflow sees it: each channel's settings by that channel's
 * rules ({@link ChannelSettings}, the same rules its adapter reads them with), and a period with an upper bound —
 * an end in the year 9999 would put the privacy purge, which runs after the end, off forever.
 */
final class ChannelRequestCheck {
    static final int MAX_SETTINGS_PER_CHANNEL = 10;

    private ChannelRequestCheck() {
    }

    static void check(EventRequests.Channels body, Instant now, EventProperties limits) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < body.channels().size(); i++) {
            EventRequests.ChannelBody channel = body.channels().get(i);
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
        if (body.startAt() != null && body.startAt().isAfter(now.plus(limits.maxStartAhead()))) {
            violations.add(new FieldViolation("startAt", "max", "must be within " + days(limits.maxStartAhead())
                    + " days from now"));
        }
        if (body.startAt() != null && body.endAt() != null
                && Duration.between(body.startAt(), body.endAt()).compareTo(limits.maxPeriod()) > 0) {
            violations.add(new FieldViolation("endAt", "max-period", "the event may last at most "
                    + days(limits.maxPeriod()) + " days"));
        }
        if (!violations.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", violations.stream()
                    .map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""), violations);
        }
    }

    private static long days(Duration duration) {
        return duration.toDays();
    }
}
