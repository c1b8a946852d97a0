package com.kt.eventmarketing.distribution.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One message to one winner. The idempotency key is per (event, recipient), so a retried send never reaches the
 * same person twice; it carries a hash of the phone number, not the number, because keys end up in logs.
 */
public record WinnerNotification(long eventId, String recipientPhone, String text, String alimtalkTemplateCode) {

    public String idempotencyKey() {
        return "notify-" + eventId + "-" + recipientHash();
    }

    private String recipientHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(recipientPhone.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Phone numbers are personal data: never in toString, which log lines and failures use. */
    @Override
    public String toString() {
        return "WinnerNotification[eventId=" + eventId + ", recipient=" + recipientHash() + "]";
    }
}
