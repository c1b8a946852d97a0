package com.kt.eventmarketing.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param draftExpiry how long a draft waits for its owner at any step before it expires
 */
@ConfigurationProperties("kt.events")
public record EventProperties(Duration draftExpiry) {
    public EventProperties {
        draftExpiry = draftExpiry == null ? Duration.ofDays(7) : draftExpiry;
    }
}
