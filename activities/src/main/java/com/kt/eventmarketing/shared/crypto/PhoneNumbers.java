package com.kt.eventmarketing.shared.crypto;

import java.util.Optional;

/** Korean phone numbers as 10–11 digits, whatever separators or +82 prefix the user typed. */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[\\s\\-().]", "");
        if (digits.startsWith("+82")) {
            digits = "0" + digits.substring(3);
        }
        if (!digits.matches("\\d{10,11}")) {
            return Optional.empty();
        }
        return Optional.of(digits);
    }

    /** Mobile numbers: 010, 011, 016–019. */
    public static Optional<String> normaliseMobile(String raw) {
        return normalise(raw).filter(d -> d.matches("01[016789]\\d{7,8}"));
    }
}
