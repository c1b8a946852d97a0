package com.kt.eventmarketing.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one draw specification: the owner's automatic draw chosen with the channels (a workflow payload), and the
 * owner's draw on demand. Its rules live here only, so the API, the workflow's Update validator and the draw
 * activity cannot disagree. {@code visitBonus} are the extra tickets of a STORE_VISIT entry in a WEIGHTED draw.
 * <p>
 * It crosses the workflow boundary as JSON in recorded histories: the algorithm serialises as its name, exactly
 * the strings older histories hold.
 */
public record AutoDraw(int winnerCount, Algorithm algorithm, int visitBonus) {
    public static final int DEFAULT_VISIT_BONUS = 2;
    public static final int MAX_VISIT_BONUS = 3;

    public enum Algorithm {
        RANDOM, WEIGHTED;

        /** Forgives case and surrounding spaces, since owners type it; null for anything else. */
        public static Algorithm named(Object name) {
            if (!(name instanceof String s)) {
                return null;
            }
            String upper = s.trim().toUpperCase(Locale.ROOT);
            for (Algorithm a : values()) {
                if (a.name().equals(upper)) {
                    return a;
                }
            }
            return null;
        }
    }

    /** A broken rule: the field, the rule's name and what the field must be. */
    public record Violation(String field, String rule, String message) {
    }

    /**
     * The rules, for values read from a request: a null {@code winnerCount} or {@code visitBonus} is one that was
     * missing or not a whole number, a null algorithm one that was not RANDOM or WEIGHTED.
     */
    public static List<Violation> check(Integer winnerCount, Algorithm algorithm, Integer visitBonus) {
        List<Violation> violations = new ArrayList<>();
        if (winnerCount == null || winnerCount < 1) {
            violations.add(new Violation("winnerCount", "min", "must be a whole number of at least 1"));
        }
        if (algorithm == null) {
            violations.add(new Violation("algorithm", "oneOf", "must be RANDOM or WEIGHTED"));
        }
        if (visitBonus == null || visitBonus < 1 || visitBonus > MAX_VISIT_BONUS) {
            violations.add(new Violation("visitBonus", "range",
                    "must be a whole number from 1 to " + MAX_VISIT_BONUS + " (default " + DEFAULT_VISIT_BONUS + ")"));
        }
        return violations;
    }

    /** Throws naming every broken rule as {@code autoDraw.<field>: <message>}. */
    public void requireValid() {
        List<Violation> violations = check(winnerCount, algorithm, visitBonus);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.stream().map(v -> "autoDraw." + v.field() + ": " + v.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    /** Not a bean getter on purpose: the payload's JSON holds only the three components. */
    public boolean weighted() {
        return algorithm == Algorithm.WEIGHTED;
    }
}
