package com.kt.eventmarketing.shared.crypto;

/** How personal data is shown: never in full outside the owner's own profile. */
public final class Masking {
    private Masking() {
    }

    /** 01012345678 → 010-****-5678; 0212345678 → 021-****-5678. */
    public static String phone(String digits) {
        if (digits == null || digits.length() < 8) {
            return "****";
        }
        return digits.substring(0, 3) + "-****-" + digits.substring(digits.length() - 4);
    }

    /** 김민수 → 김*수; 김수 → 김*; Alice → A***e. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return name;
        }
        StringBuilder out = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return out.append('*').toString();
        }
        out.append("*".repeat(cps.length - 2));
        return out.appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** 1234567890 → 123-45-*****. */
    public static String businessNumber(String digits) {
        if (digits == null || digits.length() != 10) {
            return "***-**-*****";
        }
        return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-*****";
    }
}
