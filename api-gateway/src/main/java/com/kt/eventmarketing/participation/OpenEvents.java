package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.events.EventStatus;
import com.kt.eventmarketing.gateway.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the public side knows about an event, read from the {@code events} row that the workflow's core activities
 * keep up to date, and cached in-process for {@code kt.participation.event-cache-ttl} so the intake path does not
 * read the event on every entry. The period is checked against the clock on every call, so an event closes on
 * time even while cached.
 */
@Component
public class OpenEvents {
    private final JdbcTemplate jdbc;
    private final DrawLedger draws;
    private final EntrySequences sequences;
    private final ParticipationProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    public OpenEvents(JdbcTemplate jdbc, DrawLedger draws, EntrySequences sequences,
                      ParticipationProperties properties) {
        this.jdbc = jdbc;
        this.draws = draws;
        this.sequences = sequences;
        this.properties = properties;
    }

    /**
     * An event as customers see it. {@code commitment} is set once the event has been seen open;
     * {@code phoneVerification}: the owner asks for an SMS code before an entry.
     */
    public record PublicEvent(long id, EventStatus status, Instant startAt, Instant endAt, String title, String prize,
                              String participationMethod, String guide, String imageUrl, String storeName,
                              Set<String> entryPaths, String commitment, boolean phoneVerification) {

        public boolean openAt(Instant now) {
            return status == EventStatus.ACTIVE && startAt != null && endAt != null
                    && !now.isBefore(startAt) && now.isBefore(endAt);
        }
    }

    private record Cached(PublicEvent event, long loadedAtNanos) {
    }

    /**
     * The event in whatever state it is, or a 404 problem when there is no such event; for the customer's page,
     * which explains a closed event (dates, winners) where the API answers 404.
     */
    public PublicEvent describe(long eventId) {
        return load(eventId);
    }

    /** The event if it is ACTIVE and inside its period; otherwise a 404 (hidden) or 409 (closed) problem. */
    public PublicEvent requireOpen(long eventId, boolean forEntry) {
        PublicEvent event = load(eventId);
        Instant now = clock.instant();
        if (event.openAt(now)) {
            return event;
        }
        String reason = switch (event.status()) {
            case APPROVED, ACTIVE -> event.endAt() != null && !now.isBefore(event.endAt())
                    ? "the event has ended" : "the event has not started yet";
            case ENDED -> "the event has ended";
            default -> null;
        };
        if (reason == null) {
            throw ApiException.notFound("event " + eventId);
        }
        if (forEntry) {
            throw new ApiException(HttpStatus.CONFLICT, "Event not open", "이벤트 참여 기간이 아닙니다 (" + reason + ")", List.of());
        }
        throw new ApiException(HttpStatus.NOT_FOUND, "Event not open", "event " + eventId + " is not open: " + reason, List.of());
    }

    private PublicEvent load(long eventId) {
        Cached cached = cache.get(eventId);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < properties.eventCacheTtl().toNanos()) {
            return cached.event();
        }
        PublicEvent fresh = read(eventId).orElseThrow(() -> ApiException.notFound("event " + eventId));
        if (fresh.openAt(clock.instant())) {
            // Seen open: fix the draw commitment (before any entry counts) and the entry-number sequence.
            String commitment = cached != null && cached.event().commitment() != null
                    ? cached.event().commitment() : draws.commit(eventId);
            if (cached == null || cached.event().commitment() == null) {
                sequences.ensure(eventId);
            }
            fresh = new PublicEvent(fresh.id(), fresh.status(), fresh.startAt(), fresh.endAt(), fresh.title(), fresh.prize(),
                    fresh.participationMethod(), fresh.guide(), fresh.imageUrl(), fresh.storeName(), fresh.entryPaths(), commitment,
                    fresh.phoneVerification());
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(eventId, new Cached(fresh, now));
        return fresh;
    }

    private Optional<PublicEvent> read(long eventId) {
        List<PublicEvent> rows = jdbc.query("""
                        select e.id, e.status, e.start_at, e.end_at, e.title, e.prize, e.participation_method, e.guide,
                               e.image_url, s.name as store_name, coalesce(ps.phone_verification, false) as phone_verification
                        from events e join stores s on s.id = e.store_id
                        left join participation_settings ps on ps.event_id = e.id where e.id = ?""",
                (rs, i) -> new PublicEvent(rs.getLong("id"), EventStatus.valueOf(rs.getString("status")),
                        instant(rs.getTimestamp("start_at")), instant(rs.getTimestamp("end_at")), rs.getString("title"),
                        rs.getString("prize"), rs.getString("participation_method"), rs.getString("guide"),
                        rs.getString("image_url"), rs.getString("store_name"), Set.of(), null,
                        rs.getBoolean("phone_verification")), eventId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> paths = new LinkedHashSet<>(jdbc.queryForList(
                "select channel from event_channels where event_id = ? order by channel", String.class, eventId));
        paths.add(com.kt.eventmarketing.participation.EntryPaths.STORE_VISIT);
        PublicEvent e = rows.get(0);
        return Optional.of(new PublicEvent(e.id(), e.status(), e.startAt(), e.endAt(), e.title(), e.prize(),
                e.participationMethod(), e.guide(), e.imageUrl(), e.storeName(), Set.copyOf(paths), null, e.phoneVerification()));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
