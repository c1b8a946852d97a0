package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.distribution.notification.WinnerNotification;
import com.kt.eventmarketing.distribution.notification.WinnerNotificationClient;
import com.kt.eventmarketing.shared.WorkerComponent;
import com.kt.eventmarketing.shared.crypto.FieldCipher;
import com.kt.eventmarketing.shared.resilience.ExternalCallFailures;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/**
 * The event workflow's participation steps on the {@code core} task queue (registered by the workers, not by
 * annotation). The draw itself is {@link DrawLedger}, the same code as the owner's REST draw.
 * <ul>
 * <li>Every method is idempotent: the draw row is locked and drawn once, sent notifications are recorded per
 * (event, entry) in {@code winner_notifications}, and the purge only touches rows not purged yet.</li>
 * <li>Phones are decrypted only in memory, for the send; logs and failures carry event ids, entry numbers and
 * counts only.</li>
 * </ul>
 */
@WorkerComponent
public class ParticipationActivitiesImpl implements ParticipationActivities {
    /** Failure type of a settings problem (a bad algorithm or visit bonus): not retryable. */
    public static final String INVALID_SETTINGS = "InvalidAutoDrawSettings";
    /** Failure type of an event id with no event row: not retryable. */
    public static final String EVENT_NOT_FOUND = "EventNotFound";
    /** Failure type when some winners could not be told this time (retryable; those told are not told again). */
    public static final String NOTIFICATIONS_PENDING = "WinnerNotificationsPending";
    /** The 알림톡 template registered for winners. */
    public static final String ALIMTALK_TEMPLATE = "KT_EVENT_WINNER";
    static final String ALIMTALK = "ALIMTALK";
    static final String SMS = "SMS";

    private static final Logger log = LoggerFactory.getLogger(ParticipationActivitiesImpl.class);

    private final DrawLedger ledger;
    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final WinnerNotificationClient notifications;

    public ParticipationActivitiesImpl(DrawLedger ledger, JdbcTemplate jdbc, FieldCipher cipher,
                                       WinnerNotificationClient notifications) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.notifications = notifications;
    }

    @Override
    public void commitDrawSeed(long eventId) {
        requireEvent(eventId);
        ledger.commit(eventId);
    }

    @Override
    public int drawWinners(long eventId, AutoDraw settings) {
        AutoDraw spec = validate(settings);
        requireEvent(eventId);
        DrawLedger.Outcome outcome = ledger.draw(eventId, spec, true);
        switch (outcome.kind()) {
            case DRAWN -> {
                if (outcome.winnerCount() < spec.winnerCount()) {
                    log.warn("automatic draw: eventId={} wanted {} winners but had {} entries; drew all of them", eventId,
                            spec.winnerCount(), outcome.participants());
                }
            }
            case ALREADY_DRAWN -> log.info("automatic draw: eventId={} was drawn already ({} winners); nothing changed", eventId,
                    outcome.winnerCount());
            case NO_ENTRIES -> log.info("automatic draw: eventId={} has no entries; nothing drawn", eventId);
            case NOT_ENOUGH -> throw new IllegalStateException("the automatic draw draws fewer winners when short");
        }
        return outcome.winnerCount();
    }

    static AutoDraw validate(AutoDraw settings) {
        if (settings == null) {
            throw invalid("autoDraw: required");
        }
        try {
            settings.requireValid();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return settings;
    }

    private static ApplicationFailure invalid(String message) {
        return ApplicationFailure.newNonRetryableFailure(message, INVALID_SETTINGS);
    }

    private void requireEvent(long eventId) {
        Integer found = jdbc.queryForObject("select count(*) from events where id = ?", Integer.class, eventId);
        if (found == null || found == 0) {
            throw ApplicationFailure.newNonRetryableFailure("event " + eventId + " does not exist", EVENT_NOT_FOUND);
        }
    }

    /** {@code storedKey}: the key of an earlier try, which a resend must use again (also rows written before V7). */
    private record Pending(long entryNumber, String phoneEncrypted, String triedChannel, String storedKey) {
    }

    /**
     * Tells each winner not told yet. Before a send, a SENDING row names the channel; after it, the row says SENT (or
     * REJECTED for a provider's definite 4xx refusal, not retried). A retry resends only unfinished winners, on the
     * channel already tried, with the same idempotency key, so the provider replays instead of sending again.
     * 알림톡 first; SMS only for a winner never tried before whose 알림톡 could not even be called (circuit open or
     * bulkhead full), so nobody gets both. Other failures are retried by Temporal after the remaining winners have
     * been served. Purged winners cannot be told and are only counted in the log.
     */
    @Override
    public int notifyWinners(long eventId) {
        requireEvent(eventId);
        Map<String, Object> event = jdbc.queryForMap("""
                select e.title, e.prize, s.name as store_name from events e join stores s on s.id = e.store_id
                where e.id = ?""", eventId);
        List<Pending> pending = jdbc.query("""
                        select p.entry_number, p.phone_encrypted, n.channel, n.idempotency_key from participants p
                        left join winner_notifications n on n.event_id = p.event_id and n.entry_number = p.entry_number
                        where p.event_id = ? and p.is_winner and (n.status is null or n.status = 'SENDING')
                        order by p.winner_rank""",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), eventId);
        int sent = 0;
        int purged = 0;
        int rejected = 0;
        int failed = 0;
        RuntimeException retryLater = null;
        for (Pending winner : pending) {
            if (PersonalData.isPurged(winner.phoneEncrypted())) {
                purged++;
                continue;
            }
            String key = winner.storedKey() != null ? winner.storedKey()
                    : WinnerNotification.keyFor(eventId, winner.entryNumber());
            WinnerNotification notification = new WinnerNotification(eventId, key,
                    cipher.decrypt(winner.phoneEncrypted()), text(event, winner), ALIMTALK_TEMPLATE);
            boolean firstTry = winner.triedChannel() == null;
            String channel = firstTry ? ALIMTALK : winner.triedChannel();
            if (firstTry) {
                jdbc.update("""
                                insert into winner_notifications (event_id, entry_number, channel, status, idempotency_key)
                                values (?, ?, ?, 'SENDING', ?) on conflict (event_id, entry_number) do nothing""",
                        eventId, winner.entryNumber(), channel, notification.idempotencyKey());
            }
            try {
                WinnerNotificationClient.SendResult result;
                try {
                    result = send(channel, notification);
                } catch (ApplicationFailure failure) {
                    if (!(firstTry && ALIMTALK.equals(channel) && neverReachedProvider(failure))) {
                        throw failure;
                    }
                    channel = SMS;
                    finish(eventId, winner, channel, "SENDING", null);
                    result = send(channel, notification);
                }
                finish(eventId, winner, channel, "SENT", result == null ? null : result.messageId());
                sent++;
            } catch (ApplicationFailure failure) {
                if (failure.isNonRetryable()) {
                    finish(eventId, winner, channel, "REJECTED", null);
                    rejected++;
                    log.warn("winner notification refused: eventId={} entry={} channel={} ({})", eventId, winner.entryNumber(),
                            channel, failure.getOriginalMessage());
                } else {
                    failed++;
                    retryLater = failure;
                }
            }
        }
        log.info("winner notifications: eventId={} sent={} rejected={} failed={} purged={} (already told: skipped)",
                eventId, sent, rejected, failed, purged);
        if (retryLater != null) {
            throw ApplicationFailure.newFailureWithCause(failed + " winner notification(s) of event " + eventId
                    + " failed (" + sent + " sent now); the retry sends only those", NOTIFICATIONS_PENDING, retryLater);
        }
        return sent;
    }

    private WinnerNotificationClient.SendResult send(String channel, WinnerNotification notification) {
        return SMS.equals(channel) ? notifications.sendSms(notification) : notifications.sendAlimtalk(notification);
    }

    private void finish(long eventId, Pending winner, String channel, String status, String messageId) {
        jdbc.update("update winner_notifications set channel = ?, status = ?, message_id = ?, sent_at = now()"
                + " where event_id = ? and entry_number = ?", channel, status, messageId, eventId, winner.entryNumber());
    }

    private static boolean neverReachedProvider(ApplicationFailure failure) {
        return ExternalCallFailures.CIRCUIT_OPEN.equals(failure.getType())
                || ExternalCallFailures.BULKHEAD_FULL.equals(failure.getType());
    }

    private static String text(Map<String, Object> event, Pending winner) {
        String store = (String) event.get("store_name");
        String title = event.get("title") == null ? "이벤트" : (String) event.get("title");
        String prize = (String) event.get("prize");
        return "[" + store + "] '" + title + "' 이벤트에 당첨되셨습니다! (응모번호 " + winner.entryNumber() + ")"
                + (prize == null ? "" : ", 경품: " + prize) + ". 매장에서 이 메시지를 보여주세요.";
    }

    /**
     * Erases names and phones (ciphertexts and keyed hashes) of the entries not purged yet: non-winners only, or
     * winners too. The rows stay, with entry number, path, winner flag and times, so participant counts (which
     * analytics also takes from the participant.registered messages) remain exact. Returns the rows purged now.
     */
    @Override
    public int purgePersonalData(long eventId, boolean includeWinners) {
        int purged = jdbc.update("""
                        update participants
                        set name_encrypted = ?, phone_encrypted = ?, name_hash = ?, phone_hash = 'purged-' || id,
                            purged_at = now()
                        where event_id = ? and purged_at is null and (not is_winner or ?)""",
                PersonalData.PURGED, PersonalData.PURGED, PersonalData.PURGED, eventId, includeWinners);
        // keys written before the key stopped carrying a phone hash (an unkeyed SHA-256, reversible by trying every
        // number) go with the phone
        jdbc.update("""
                        update winner_notifications n set idempotency_key = ?
                        from participants p
                        where n.event_id = ? and p.event_id = n.event_id and p.entry_number = n.entry_number
                          and p.purged_at is not null and n.idempotency_key <> ?""",
                PersonalData.PURGED, eventId, PersonalData.PURGED);
        log.info("personal data purged: eventId={} rows={} includeWinners={}", eventId, purged, includeWinners);
        return purged;
    }
}
