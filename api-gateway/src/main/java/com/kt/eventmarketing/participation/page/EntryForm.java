package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.FieldViolation;
import com.kt.eventmarketing.participation.EntryPaths;
import com.kt.eventmarketing.participation.ParticipationViews;
import com.kt.eventmarketing.participation.verification.PhoneVerifications;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The entry form as posted ({@code application/x-www-form-urlencoded}, so it works without JavaScript).
 *
 * @param consent present ("yes") only when the box was ticked
 * @param via     the entry path, fixed when the page was opened from its {@code ?via=} marker
 * @param verificationCode the SMS code, where the event asks for one
 * @param key     random per rendered form and sent as the Idempotency-Key, so a double tap or a reload of the
 *                result (the browser posts the same form again) replays the first answer instead of entering twice
 */
public record EntryForm(String name, String phone, String consent, String via, String verificationCode, String key) {
    /** The fields the page shows errors at; violations of other fields (entry path, key) become a notice. */
    static final Set<String> FIELDS = Set.of("name", "phone", "consent", PhoneVerifications.FIELD);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh form for a visitor who came through {@code via}. */
    static EntryForm blank(String via, Set<String> eventPaths) {
        byte[] key = new byte[18];
        RANDOM.nextBytes(key);
        return new EntryForm("", "", null, entryPath(via, eventPaths), "", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    }

    /**
     * The marker names one of this event's channels or STORE_VISIT; anything else (none, unknown, another event's
     * channel) counts as STORE_VISIT: every channel's post carries its own marker, so the bare short URL is the one
     * printed in the store (the text under the poster's QR code) or passed on by hand.
     */
    static String entryPath(String via, Set<String> eventPaths) {
        return EntryPaths.parse(via).filter(eventPaths::contains).orElse(EntryPaths.STORE_VISIT);
    }

    public boolean consented() {
        return consent != null;
    }

    ParticipationViews.EntryRequest request() {
        return new ParticipationViews.EntryRequest(name, phone, via, consented(), verificationCode);
    }

    String idempotencyKey() {
        return key == null || key.isBlank() ? null : key;
    }

    /** The API's violations by field, in the API's own words. */
    static Map<String, String> fieldErrors(ApiException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation v : e.violations()) {
            if (FIELDS.contains(v.field())) {
                errors.putIfAbsent(v.field(), v.message());
            }
        }
        return errors;
    }
}
