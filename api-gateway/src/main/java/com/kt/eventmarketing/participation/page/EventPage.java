package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.participation.DrawLedger;

import java.util.List;
import java.util.Set;

/**
 * What the customer's page shows about one event, already in the words and formats of the page (Korean dates in
 * Asia/Seoul, the poster as a path on this origin).
 *
 * @param imagePath  relative {@code /api/v1/images/…} path of the poster, or null (the public base URL that the
 *                  stored image URL starts with may be another spelling of this origin, and the CSP allows only
 *                  'self')
 * @param entryPaths the event's channels and STORE_VISIT: what a {@code ?via=} marker may name
 * @param winners    masked winners, only in state {@link State#DRAWN}
 * @param phoneVerification the form asks for an SMS code (the owner's choice)
 */
public record EventPage(long eventId, State state, String title, String prize, String participationMethod, String guide,
                        String storeName, String imagePath, String startText, String endText, Set<String> entryPaths,
                        List<DrawLedger.MaskedWinner> winners, boolean phoneVerification) {

    /** Where in its life the event is, as the page tells it. */
    public enum State {
        /** Published, its start still ahead: the dates, no form. */
        NOT_STARTED,
        /** ACTIVE inside its period: the entry form. */
        OPEN,
        /** Past its end, no draw yet: the dates. */
        ENDED,
        /** Winners drawn: masked winners and the link to the proof. */
        DRAWN
    }

    public String proofPath() {
        return "/e/" + eventId + "/draw";
    }
}
