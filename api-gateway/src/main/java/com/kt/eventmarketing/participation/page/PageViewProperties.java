package com.kt.eventmarketing.participation.page;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Page-view counting on the customer's page ({@code kt.page-views.*}).
 *
 * @param flushInterval how often the views buffered in Redis are written to PostgreSQL; also the most a Redis
 *                      failure can lose
 * @param batchSize     buffered views taken per round trip of a flush
 * @param cookieMaxAge  lifetime of the visitor cookie; it only has to outlive the day it dedupes
 */
@ConfigurationProperties("kt.page-views")
public record PageViewProperties(
        @DefaultValue("10s") Duration flushInterval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("1d") Duration cookieMaxAge) {
}
