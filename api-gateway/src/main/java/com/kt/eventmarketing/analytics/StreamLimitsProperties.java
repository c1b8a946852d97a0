package com.kt.eventmarketing.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Open analytics streams a gateway holds ({@code kt.analytics.stream-limits}); each is a connection and a servlet
 * async context for up to the stream timeout. Beyond either cap a new stream is a 429.
 *
 * @param perOwner one owner's streams (a console tab each; a few are plenty)
 * @param total    this gateway's streams
 */
@ConfigurationProperties("kt.analytics.stream-limits")
public record StreamLimitsProperties(@DefaultValue("5") int perOwner, @DefaultValue("1000") int total) {
}
