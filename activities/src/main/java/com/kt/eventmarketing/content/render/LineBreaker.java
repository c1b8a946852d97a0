package com.kt.eventmarketing.content.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy line breaking for Korean (and Latin) text: at spaces where possible — Korean separates words (어절) with
 * spaces — and between syllables inside a word only when the word alone is wider than the line.
 */
final class LineBreaker {
    /** Antialiased, fractional metrics: the same context the compositor draws with. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private LineBreaker() {
    }

    static double width(Font font, String text) {
        return font.getStringBounds(text, FRC).getWidth();
    }

    static List<String> wrap(String text, Font font, double maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // the word alone: split it where it no longer fits (by code point, so no surrogate pair is cut)
            int start = 0;
            int end = 0;
            while (end < word.length()) {
                int next = word.offsetByCodePoints(end, 1);
                if (end > start && width(font, word.substring(start, next)) > maxWidth) {
                    lines.add(word.substring(start, end));
                    start = end;
                }
                end = next;
            }
            line.append(word, start, word.length());
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The line shortened until it and an ellipsis fit. */
    static String ellipsize(String line, Font font, double maxWidth) {
        String cut = line;
        while (!cut.isEmpty() && width(font, cut + "…") > maxWidth) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)).stripTrailing();
        }
        return cut + "…";
    }
}
