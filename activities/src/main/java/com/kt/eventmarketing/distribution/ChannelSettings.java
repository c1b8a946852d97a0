package com.kt.eventmarketing.distribution;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings each channel takes, checked where the owner sends them ({@code PUT /channels} answers 400 naming
 * the setting) and read by the channel's adapter with the same rules, so a bad value can no longer pass the API
 * and fail the channel after approval.
 * <ul>
 *   <li>URIDONGNETV: {@code radiusMeters} 100–3000 (default 500), {@code timeSlots} 1–6 comma-separated
 *       {@code HH:mm-HH:mm} ranges (default lunch and dinner)</li>
 *   <li>RINGOBIZ: {@code ringbackText}, 10–120 characters (default: made from the title and prize)</li>
 *   <li>GINITV: {@code targetRegion}, at most 50 characters (default: the store's region)</li>
 *   <li>INSTAGRAM, NAVER_BLOG, KAKAO_CHANNEL: none</li>
 * </ul>
 */
public final class ChannelSettings {
    public static final String RADIUS_METERS = "radiusMeters";
    public static final String TIME_SLOTS = "timeSlots";
    public static final String RINGBACK_TEXT = "ringbackText";
    public static final String TARGET_REGION = "targetRegion";
    static final int DEFAULT_RADIUS_METERS = 500;
    static final String DEFAULT_TIME_SLOTS = "11:00-14:00,17:00-21:00";
    static final int MAX_VALUE_LENGTH = 500;

    /** One bad setting: its key, the rule it broke, a sentence for people. */
    public record Violation(String key, String rule, String message) {
    }

    private ChannelSettings() {
    }

    public static Set<String> keys(ChannelType channel) {
        return switch (channel) {
            case URIDONGNETV -> Set.of(RADIUS_METERS, TIME_SLOTS);
            case RINGOBIZ -> Set.of(RINGBACK_TEXT);
            case GINITV -> Set.of(TARGET_REGION);
            default -> Set.of();
        };
    }

    public static List<Violation> check(ChannelType channel, Map<String, String> settings) {
        List<Violation> violations = new ArrayList<>();
        if (settings == null) {
            return violations;
        }
        Set<String> allowed = keys(channel);
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            String value = setting.getValue();
            if (!allowed.contains(key)) {
                violations.add(new Violation(key, "unknown", allowed.isEmpty() ? channel + " takes no settings"
                        : "not a setting of " + channel + " (" + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            } else if (value == null || value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
                violations.add(new Violation(key, "required", "must be 1-" + MAX_VALUE_LENGTH + " characters"));
            } else {
                String problem = switch (key) {
                    case RADIUS_METERS -> radiusProblem(value);
                    case TIME_SLOTS -> timeSlotsProblem(value);
                    case RINGBACK_TEXT -> value.strip().length() < 10 || value.strip().length() > 120
                            ? "must be 10-120 characters" : null;
                    case TARGET_REGION -> value.strip().length() > 50 ? "must be at most 50 characters" : null;
                    default -> null;
                };
                if (problem != null) {
                    violations.add(new Violation(key, "format", problem));
                }
            }
        }
        return violations;
    }

    /** 우리동네TV's radius, or the default; only called with settings that passed {@link #check}. */
    public static int radiusMeters(Map<String, String> settings) {
        String value = settings == null ? null : settings.get(RADIUS_METERS);
        return value == null ? DEFAULT_RADIUS_METERS : Integer.parseInt(value.strip());
    }

    public static List<String> timeSlots(Map<String, String> settings) {
        String value = settings == null ? null : settings.get(TIME_SLOTS);
        return Arrays.stream((value == null ? DEFAULT_TIME_SLOTS : value).split(",")).map(String::strip).toList();
    }

    private static String radiusProblem(String value) {
        try {
            int radius = Integer.parseInt(value.strip());
            return radius < 100 || radius > 3000 ? "must be 100-3000 (metres)" : null;
        } catch (NumberFormatException e) {
            return "must be a whole number of metres (100-3000)";
        }
    }

    private static String timeSlotsProblem(String value) {
        String[] slots = value.split(",");
        if (slots.length > 6) {
            return "at most 6 time slots";
        }
        for (String slot : slots) {
            String[] ends = slot.strip().split("-");
            try {
                if (ends.length != 2 || !LocalTime.parse(ends[0].strip()).isBefore(LocalTime.parse(ends[1].strip()))) {
                    return "each slot must be HH:mm-HH:mm with the start before the end, e.g. 11:00-14:00";
                }
            } catch (DateTimeParseException e) {
                return "each slot must be HH:mm-HH:mm with the start before the end, e.g. 11:00-14:00";
            }
        }
        return null;
    }
}
