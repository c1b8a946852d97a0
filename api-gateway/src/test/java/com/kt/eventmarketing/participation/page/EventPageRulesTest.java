package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.events.EventStatus;
import com.kt.eventmarketing.participation.OpenEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's own decisions, without servers: state by status and clock, entry path from the marker, poster path. */
class EventPageRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final Set<String> PATHS = Set.of("INSTAGRAM", "KAKAO_CHANNEL", "STORE_VISIT");

    @Test
    void stateFollowsStatusAndPeriod() {
        assertThat(state(EventStatus.ACTIVE, -1, 1)).contains(EventPage.State.OPEN);
        assertThat(state(EventStatus.APPROVED, 1, 2)).contains(EventPage.State.NOT_STARTED);
        assertThat(state(EventStatus.ACTIVE, -2, -1)).as("end passed, status not yet ENDED").contains(EventPage.State.ENDED);
        assertThat(state(EventStatus.ENDED, -2, 1)).contains(EventPage.State.ENDED);
        assertThat(state(EventStatus.DRAFT, -1, 1)).isEmpty();
        assertThat(state(EventStatus.CANCELLED, -1, 1)).isEmpty();
        assertThat(state(EventStatus.EXPIRED, -1, 1)).isEmpty();
    }

    @Test
    void theMarkerBecomesTheEntryPathAndAnythingElseIsAStoreVisit() {
        assertThat(EntryForm.entryPath("INSTAGRAM", PATHS)).isEqualTo("INSTAGRAM");
        assertThat(EntryForm.entryPath("kakao_channel", PATHS)).isEqualTo("KAKAO_CHANNEL");
        assertThat(EntryForm.entryPath("STORE_VISIT", PATHS)).isEqualTo("STORE_VISIT");
        assertThat(EntryForm.entryPath("GINITV", PATHS)).as("a channel, not this event's").isEqualTo("STORE_VISIT");
        assertThat(EntryForm.entryPath("TIKTOK", PATHS)).isEqualTo("STORE_VISIT");
        assertThat(EntryForm.entryPath(null, PATHS)).isEqualTo("STORE_VISIT");
    }

    @Test
    void eachFormGetsItsOwnIdempotencyKey() {
        String a = EntryForm.blank(null, PATHS).key();
        String b = EntryForm.blank(null, PATHS).key();
        assertThat(a).matches("[A-Za-z0-9_-]{24}").isNotEqualTo(b);
    }

    @Test
    void thePosterIsShownByItsPathOnThisOriginAndDatesAreKorean() {
        assertThat(EventPages.imagePath("https://kt.example/api/v1/images/abc.png")).isEqualTo("/api/v1/images/abc.png");
        assertThat(EventPages.imagePath("https://evil.example/x.png")).isNull();
        assertThat(EventPages.imagePath(null)).isNull();
        assertThat(EventPages.format(NOW)).isEqualTo("2026년 11월 30일 (월) 오후 3:00");
    }

    private static Optional<EventPage.State> state(EventStatus status, int startHours, int endHours) {
        return EventPages.state(new OpenEvents.PublicEvent(1, status, NOW.plus(Duration.ofHours(startHours)),
                NOW.plus(Duration.ofHours(endHours)), "t", "p", "m", "g", null, "s", PATHS, null, false), NOW);
    }
}
