package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.web.FieldViolation;

import java.util.List;

/**
 * Reads a draw specification from request values as they came (JSON numbers may arrive as any integral type or
 * not as numbers at all) and checks it by {@link AutoDraw}'s rules, for the owner's draw and the channel choice's
 * automatic draw alike.
 */
public final class DrawRequestReader {
    private DrawRequestReader() {
    }

    /**
     * Adds a violation per broken rule, its field prefixed with {@code prefix}, and returns the specification, or
     * null when a rule was broken. A missing visitBonus is {@link AutoDraw#DEFAULT_VISIT_BONUS}.
     */
    public static AutoDraw read(String prefix, Object winnerCount, Object algorithm, Object visitBonus,
                                List<FieldViolation> violations) {
        Integer count = whole(winnerCount);
        AutoDraw.Algorithm named = AutoDraw.Algorithm.named(algorithm);
        Integer bonus = visitBonus == null ? Integer.valueOf(AutoDraw.DEFAULT_VISIT_BONUS) : whole(visitBonus);
        List<AutoDraw.Violation> broken = AutoDraw.check(count, named, bonus);
        broken.forEach(v -> violations.add(new FieldViolation(prefix + v.field(), v.rule(), v.message())));
        return broken.isEmpty() ? new AutoDraw(count, named, bonus) : null;
    }

    private static Integer whole(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        return null;
    }
}
