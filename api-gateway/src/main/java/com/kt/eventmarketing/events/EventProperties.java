package com.kt.eventmarketing.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param draftExpiry          how long a draft waits for its owner at any step before it expires
 * @param purgeNonWinnersAfter how long after the end non-winners' names and phones are kept
 * @param purgeWinnersAfter    how long after the end winners' names and phones are kept (the prize period)
 * @param maxPeriod            the longest an event may run (start to end); default 90 days
 * @param maxStartAhead        how far ahead an event may start; default 180 days
 * @param updateTimeout        how long an owner's change waits for the workflow's answer before a 503 (the change
 *                             may still be applied later: the client reads the event again)
 * @param temporalCallDeadline how long a start, query or signal is retried while Temporal does not answer
 */
@ConfigurationProperties("kt.events")
public record EventProperties(Duration draftExpiry, Duration purgeNonWinnersAfter, Duration purgeWinnersAfter,
                              Duration maxPeriod, Duration maxStartAhead, Duration updateTimeout,
                              Duration temporalCallDeadline) {
    public EventProperties {
        maxPeriod = maxPeriod == null ? Duration.ofDays(90) : maxPeriod;
        maxStartAhead = maxStartAhead == null ? Duration.ofDays(180) : maxStartAhead;
        updateTimeout = updateTimeout == null ? Duration.ofSeconds(30) : updateTimeout;
        temporalCallDeadline = temporalCallDeadline == null ? Duration.ofSeconds(10) : temporalCallDeadline;
        draftExpiry = draftExpiry == null ? Duration.ofDays(7) : draftExpiry;
        purgeNonWinnersAfter = purgeNonWinnersAfter == null ? EventCreationInput.DEFAULT_PURGE_NON_WINNERS_AFTER : purgeNonWinnersAfter;
        purgeWinnersAfter = purgeWinnersAfter == null ? EventCreationInput.DEFAULT_PURGE_WINNERS_AFTER : purgeWinnersAfter;
    }
}
