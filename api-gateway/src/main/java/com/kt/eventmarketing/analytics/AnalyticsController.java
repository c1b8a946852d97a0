package com.kt.eventmarketing.analytics;

import com.kt.eventmarketing.gateway.security.CurrentOwner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/events/{id}/analytics")
@Tag(name = "Analytics", description = "Live results of the owner's event, from the Kafka-fed projections")
public class AnalyticsController {
    private final AnalyticsService analytics;
    private final AnalyticsStream stream;

    public AnalyticsController(AnalyticsService analytics, AnalyticsStream stream) {
        this.analytics = analytics;
        this.stream = stream;
    }

    @GetMapping
    @Operation(summary = "4 summary cards (participants vs expected, impressions, ROI vs business type, sales growth) and comparison with earlier events")
    public AnalyticsViews.Summary summary(@PathVariable long id) {
        return analytics.summary(CurrentOwner.id(), id);
    }

    @GetMapping("/channels")
    @Operation(summary = "Per channel: distribution status, impressions/views (stale flag and age), participants, conversion; entry paths")
    public AnalyticsViews.Channels channels(@PathVariable long id) {
        return analytics.channels(CurrentOwner.id(), id);
    }

    @GetMapping("/timeline")
    @Operation(summary = "Participants per hour or per day (Asia/Seoul), and per hour of day")
    public AnalyticsViews.Timeline timeline(@PathVariable long id,
                                            @RequestParam(defaultValue = "hour") String granularity) {
        return analytics.timeline(CurrentOwner.id(), id, granularity);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: the summary now and whenever it changes (event name 'summary'); ends when the access token expires or is revoked")
    public SseEmitter stream(@PathVariable long id) {
        return stream.subscribe(CurrentOwner.get(), id);
    }
}
