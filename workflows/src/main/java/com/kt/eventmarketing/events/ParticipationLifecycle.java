package com.kt.eventmarketing.events;

import com.kt.eventmarketing.participation.ParticipationActivities;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/** The entrants' side of the event: the draw's seed commitment, the automatic draw and the privacy purges. */
final class ParticipationLifecycle {
    private static final Logger log = Workflow.getLogger(ParticipationLifecycle.class);

    private final EventState state;
    private final ParticipationActivities participation;

    ParticipationLifecycle(EventState state, ParticipationActivities participation) {
        this.state = state;
        this.participation = participation;
    }

    /** Fixed when the event opens, before any entry, so the seed cannot be chosen after seeing the entries. */
    void commitDrawSeed() {
        participation.commitDrawSeed(state.input.eventId());
    }

    /**
     * After the end: the automatic draw and winner notifications when the owner asked for them, then the
     * privacy purge on durable timers (non-winners first, winners after the prize period).
     */
    void drawAndPurge() {
        EventCreationInput input = state.input;
        if (state.autoDraw != null) {
            int winners = participation.drawWinners(input.eventId(), state.autoDraw);
            if (winners > 0) {
                participation.notifyWinners(input.eventId());
            }
            log.info("event {}: {} winners drawn automatically", input.eventId(), winners);
        }
        Workflow.sleep(input.nonWinnerRetention());
        participation.purgePersonalData(input.eventId(), false);
        Workflow.sleep(input.winnerRetention().minus(input.nonWinnerRetention()));
        purgeEveryone();
    }

    void purgeEveryone() {
        participation.purgePersonalData(state.input.eventId(), true);
    }
}
