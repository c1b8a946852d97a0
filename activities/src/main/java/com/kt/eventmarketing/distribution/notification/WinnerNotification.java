package com.kt.eventmarketing.distribution.notification;

/**
 * One message to one winner. The idempotency key is per (event, entry number) — see {@link #keyFor} — so a retried
 * send never reaches the same person twice, and it carries nothing derived from the phone: keys end up in logs and in
 * the provider's records, and an unkeyed hash of a phone number is recovered in seconds by trying every number.
 */
public record WinnerNotification(long eventId, String idempotencyKey, String recipientPhone, String text,
                                 String alimtalkTemplateCode) {

    public static String keyFor(long eventId, long entryNumber) {
        return "notify-" + eventId + "-" + entryNumber;
    }

    /** Phone numbers are personal data: never in toString, which log lines and failures use. */
    @Override
    public String toString() {
        return "WinnerNotification[eventId=" + eventId + ", key=" + idempotencyKey + "]";
    }
}
