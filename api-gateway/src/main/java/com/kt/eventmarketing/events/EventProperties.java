package com.kt.eventmarketing.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param draftExpiry          how long a draft waits for its owner at any step before it expires
 * @param purgeNonWinnersAfter how long after the end non-winners' names and phones are kept
 * @param purgeWinnersAfter    how long after the end winners' names and phones are kept (the prize period)
 */
@ConfigurationProperties("kt.events")
public record EventProperties(Duration draftExpiry, Duration purgeNonWinnersAfter, Duration purgeWinnersAfter) {
    public EventProperties {
        draftExpiry = draftExpiry == null ? Duration.ofDays(7) : draftExpiry;
        purgeNonWinnersAfter = purgeNonWinnersAfter == null ? EventCreationInput.DEFAULT_PURGE_NON_WINNERS_AFTER : purgeNonWinnersAfter;
        purgeWinnersAfter = purgeWinnersAfter == null ? EventCreationInput.DEFAULT_PURGE_WINNERS_AFTER : purgeWinnersAfter;
    }
}
