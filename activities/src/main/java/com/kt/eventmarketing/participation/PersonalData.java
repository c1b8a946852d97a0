package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.shared.crypto.FieldCipher;
import com.kt.eventmarketing.shared.crypto.Masking;

/**
 * Entrants' names and phones as stored in {@code participants}: AES-GCM ciphertext, or {@link #PURGED} once the
 * personal data has been erased (see V5 and {@code ParticipationActivitiesImpl.purgePersonalData}). Decrypted only
 * to be masked or, for a winner notification, to be sent; never logged.
 */
public final class PersonalData {
    /** What a purged row holds instead of the name and phone ciphertexts and the name hash. */
    public static final String PURGED = "purged";
    /** How a purged name or phone is shown to the owner. */
    public static final String PURGED_DISPLAY = "(파기됨)";

    private PersonalData() {
    }

    public static boolean isPurged(String stored) {
        return stored == null || PURGED.equals(stored);
    }

    public static String maskedName(FieldCipher cipher, String stored) {
        return isPurged(stored) ? PURGED_DISPLAY : Masking.name(cipher.decrypt(stored));
    }

    public static String maskedPhone(FieldCipher cipher, String stored) {
        return isPurged(stored) ? PURGED_DISPLAY : Masking.phone(cipher.decrypt(stored));
    }
}
