package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.events.EventStatus;
import com.kt.eventmarketing.events.persistence.EventRow;
import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The owner's winner draw: the request's rules (400 naming the field, the event must have ended) and their answers
 * (409 once drawn, also under concurrent requests; 400 "참여자 수가 부족합니다" when winnerCount exceeds the entries).
 * The draw itself, its row lock and its proof are {@link DrawLedger} (activities module), which the workflow's
 * automatic draw uses too.
 */
@Service
public class DrawService {
    static final String ALREADY_DRAWN = "이미 추첨이 완료된 이벤트입니다";
    static final String NOT_ENOUGH = "참여자 수가 부족합니다";

    private final DrawLedger ledger;

    public DrawService(DrawLedger ledger) {
        this.ledger = ledger;
    }

    /** The owner's draw body by {@link AutoDraw}'s rules; a 400 names every broken field. */
    static AutoDraw validate(ParticipationViews.DrawRequest body) {
        if (body == null) {
            throw ApiException.badField("body", "required", "the request body is required");
        }
        List<FieldViolation> violations = new ArrayList<>();
        AutoDraw draw = DrawRequestReader.read("", body.winnerCount(), body.algorithm(), body.visitBonus(), violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return draw;
    }

    public ParticipationViews.Draw draw(EventRow event, ParticipationViews.DrawRequest body) {
        AutoDraw request = validate(body);
        requireEnded(event);
        long eventId = event.getId();
        DrawLedger.Outcome outcome = ledger.draw(eventId, request, false);
        switch (outcome.kind()) {
            case DRAWN -> {
            }
            case ALREADY_DRAWN -> throw ApiException.conflict(ALREADY_DRAWN);
            case NOT_ENOUGH, NO_ENTRIES -> throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request",
                    "winnerCount: " + NOT_ENOUGH + " (" + outcome.participants() + " participants)",
                    List.of(new FieldViolation("winnerCount", "max", NOT_ENOUGH)));
        }
        return view(event);
    }

    /** The draw as it stands: the commitment before, the full proof and the masked winners after. */
    public ParticipationViews.Draw view(EventRow event) {
        return ParticipationViews.Draw.of(event.getId(), proof(event));
    }

    /**
     * The event's draw record, fixing the commitment first while entries can still come in or once they are closed
     * (ACTIVE or ENDED), so whoever looks sees the commitment before the draw.
     */
    Optional<DrawLedger.Proof> proof(EventRow event) {
        if (event.getStatus() == EventStatus.ACTIVE || event.getStatus() == EventStatus.ENDED) {
            ledger.commit(event.getId());
        }
        return ledger.proof(event.getId());
    }

    /** A draw needs the entry set closed: the event ENDED, or ACTIVE with its end time passed (status lagging). */
    private static void requireEnded(EventRow event) {
        boolean ended = event.getStatus() == EventStatus.ENDED || (event.getStatus() == EventStatus.ACTIVE
                && event.getEndAt() != null && !Instant.now().isBefore(event.getEndAt()));
        if (!ended) {
            throw ApiException.conflict("the event has not ended yet: winners are drawn after the end of the event");
        }
    }
}
