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
 * @param starts               how the workflow starts owed to created events are made (see {@link EventStarter})
 */
@ConfigurationProperties("kt.events")
public record EventProperties(Duration draftExpiry, Duration purgeNonWinnersAfter, Duration purgeWinnersAfter,
                              Duration maxPeriod, Duration maxStartAhead, Duration updateTimeout,
                              Duration temporalCallDeadline, Starts starts) {
    public EventProperties {
        maxPeriod = maxPeriod == null ? Duration.ofDays(90) : maxPeriod;
        maxStartAhead = maxStartAhead == null ? Duration.ofDays(180) : maxStartAhead;
        updateTimeout = updateTimeout == null ? Duration.ofSeconds(30) : updateTimeout;
        temporalCallDeadline = temporalCallDeadline == null ? Duration.ofSeconds(10) : temporalCallDeadline;
        draftExpiry = draftExpiry == null ? Duration.ofDays(7) : draftExpiry;
        purgeNonWinnersAfter = purgeNonWinnersAfter == null ? EventCreationInput.DEFAULT_PURGE_NON_WINNERS_AFTER : purgeNonWinnersAfter;
        purgeWinnersAfter = purgeWinnersAfter == null ? EventCreationInput.DEFAULT_PURGE_WINNERS_AFTER : purgeWinnersAfter;
        starts = starts == null ? new Starts(null, 0, null, null) : starts;
    }

    /**
     * @param sweepInterval how often the sweeper looks for starts left behind (a crash, a Temporal outage)
     * @param sweepBatch    the most starts one sweep makes; the rest wait for the next sweep
     * @param maxBackoff    the longest wait between two attempts of a failing start (it doubles from 1 s)
     * @param enabled       false: this replica neither starts after commit nor sweeps, leaving every start to
     *                      other replicas (and tests hold starts back with it)
     */
    public record Starts(Duration sweepInterval, int sweepBatch, Duration maxBackoff, Boolean enabled) {
        public Starts {
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
            sweepBatch = sweepBatch <= 0 ? 50 : sweepBatch;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
            enabled = enabled == null || enabled;
        }
    }
}
