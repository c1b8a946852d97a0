package com.kt.eventmarketing.participation;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Activities on the {@code core} task queue for what the event workflow does with entries: fix the draw's seed
 * commitment when the event starts, draw and notify winners when it ends, and purge personal data later.
 * Every method is idempotent: a retry or a replayed workflow never draws twice, notifies a winner twice or
 * fails on data already purged.
 */
@ActivityInterface
public interface ParticipationActivities {

    /** Fixes the seed commitment of the event's draw if it is not fixed yet. */
    @ActivityMethod
    void commitDrawSeed(long eventId);

    /**
     * Draws winners with the owner's automatic-draw settings. Returns the number of winners, the existing
     * number when the event was drawn already, and 0 (nothing drawn) when there are fewer entries than winners
     * wanted and none at all.
     */
    @ActivityMethod
    int drawWinners(long eventId, AutoDraw settings);

    /** Sends each winner an SMS / 알림톡, idempotent per (event, winner); returns how many were sent now. */
    @ActivityMethod
    int notifyWinners(long eventId);

    /** Erases entrants' names and phones: non-winners only, or winners too after the prize period. */
    @ActivityMethod
    int purgePersonalData(long eventId, boolean includeWinners);
}
