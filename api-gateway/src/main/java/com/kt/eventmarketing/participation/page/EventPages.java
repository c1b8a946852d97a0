package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.events.EventStatus;
import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.participation.DrawLedger;
import com.kt.eventmarketing.participation.OpenEvents;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The customer's page of an event in its current state, from the same cached event the entry API checks
 * ({@link OpenEvents}), so the page and the API agree on whether entries are open. Drafts, cancelled and expired
 * events are not shown (as in the API).
 */
@Component
public class EventPages {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** e.g. "2026년 11월 30일 (월) 오후 3:00" */
    static final DateTimeFormatter KOREAN = DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E) a h:mm", Locale.KOREAN)
            .withZone(SEOUL);
    private static final String IMAGES = "/api/v1/images/";

    private final OpenEvents events;
    private final DrawLedger draws;
    private final Clock clock = Clock.systemUTC();

    public EventPages(OpenEvents events, DrawLedger draws) {
        this.events = events;
        this.draws = draws;
    }

    /** The page, or empty when the event does not exist or is not public. */
    public Optional<EventPage> find(long eventId) {
        OpenEvents.PublicEvent event;
        try {
            event = events.describe(eventId);
        } catch (ApiException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        Optional<EventPage.State> state = state(event, clock.instant());
        if (state.isEmpty()) {
            return Optional.empty();
        }
        List<DrawLedger.MaskedWinner> winners = List.of();
        EventPage.State s = state.get();
        if (s == EventPage.State.ENDED) {
            // only an ended event can have been drawn: the open page (the hot one) never asks
            Optional<DrawLedger.Proof> proof = draws.proof(eventId).filter(DrawLedger.Proof::drawn);
            if (proof.isPresent()) {
                s = EventPage.State.DRAWN;
                winners = proof.get().winners();
            }
        }
        return Optional.of(new EventPage(event.id(), s, event.title(), event.prize(), event.participationMethod(),
                event.guide(), event.storeName(), imagePath(event.imageUrl()), format(event.startAt()),
                format(event.endAt()), event.entryPaths(), winners, event.phoneVerification()));
    }

    static Optional<EventPage.State> state(OpenEvents.PublicEvent event, Instant now) {
        if (event.status() != EventStatus.APPROVED && event.status() != EventStatus.ACTIVE
                && event.status() != EventStatus.ENDED) {
            return Optional.empty();
        }
        if (event.openAt(now)) {
            return Optional.of(EventPage.State.OPEN);
        }
        boolean ended = event.status() == EventStatus.ENDED || (event.endAt() != null && !now.isBefore(event.endAt()));
        return Optional.of(ended ? EventPage.State.ENDED : EventPage.State.NOT_STARTED);
    }

    static String imagePath(String imageUrl) {
        if (imageUrl == null) {
            return null;
        }
        String path = URI.create(imageUrl).getRawPath();
        return path != null && path.startsWith(IMAGES) ? path : null;
    }

    static String format(Instant instant) {
        return instant == null ? "미정" : KOREAN.format(instant);
    }
}
