package com.kt.eventmarketing.users;

/**
 * Korean business registration numbers (사업자등록번호): 10 digits whose last is a check digit computed with
 * the weights 1,3,7,1,3,7,1,3,5 plus the tens of (9th digit × 5).
 */
public final class BusinessNumbers {
    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    private BusinessNumbers() {
    }

    public static String digitsOf(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s-]", "");
    }

    public static boolean isValid(String raw) {
        String digits = digitsOf(raw);
        if (!digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        sum += ((digits.charAt(8) - '0') * 5) / 10;
        int check = (10 - sum % 10) % 10;
        return check == digits.charAt(9) - '0';
    }
}
