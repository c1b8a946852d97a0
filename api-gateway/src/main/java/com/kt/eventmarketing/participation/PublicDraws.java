package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.events.EventStatus;
import com.kt.eventmarketing.events.persistence.EventRow;
import com.kt.eventmarketing.events.persistence.EventRowRepository;
import com.kt.eventmarketing.gateway.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * The draw as anyone may see it, for the public proof and the page that checks it. An event has a public draw once
 * customers could have seen it: published (APPROVED, ACTIVE, ENDED) or with a commitment shown (a cancelled event
 * that was open). Unknown, draft and expired events are 404, like every public path. The proof stays readable after
 * the end and after the privacy purge: it needs only entry numbers and entry paths, which the purge keeps.
 */
@Component
public class PublicDraws {
    private static final Set<EventStatus> PUBLISHED = Set.of(EventStatus.APPROVED, EventStatus.ACTIVE, EventStatus.ENDED);

    private final EventRowRepository events;
    private final DrawService draws;
    private final DrawLedger ledger;

    public PublicDraws(EventRowRepository events, DrawService draws, DrawLedger ledger) {
        this.events = events;
        this.draws = draws;
        this.ledger = ledger;
    }

    /** @param withSnapshot false for the page, which shows the proof's values and lets the browser fetch the rest */
    public ParticipationViews.PublicDraw find(long id, boolean withSnapshot) {
        EventRow event = events.findById(id).orElseThrow(() -> ApiException.notFound("event " + id));
        Optional<DrawLedger.Proof> proof = PUBLISHED.contains(event.getStatus()) ? draws.proof(event) : ledger.proof(id);
        if (proof.isEmpty() && !PUBLISHED.contains(event.getStatus())) {
            throw ApiException.notFound("event " + id);
        }
        StreamedSnapshot snapshot = proof.filter(p -> withSnapshot && p.drawn())
                .map(p -> new StreamedSnapshot(sink -> ledger.snapshot(id, p, sink))).orElse(null);
        return new ParticipationViews.PublicDraw(ParticipationViews.Draw.of(id, proof), event.getTitle(), snapshot);
    }
}
