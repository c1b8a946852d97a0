package com.kt.eventmarketing.content.render;

import java.awt.Color;

/**
 * WCAG 2 relative luminance and contrast ratio. Colours are packed 0xRRGGBB; the sRGB → linear conversion is a
 * table, because the compositor checks thousands of sampled pixels per poster.
 */
public final class Contrast {

    /** WCAG AA for normal text. */
    public static final double AA = 4.5;
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private Contrast() {
    }

    public static double luminance(int rgb) {
        return 0.2126 * LINEAR[(rgb >> 16) & 0xFF] + 0.7152 * LINEAR[(rgb >> 8) & 0xFF] + 0.0722 * LINEAR[rgb & 0xFF];
    }

    public static double ratio(int rgb1, int rgb2) {
        double l1 = luminance(rgb1);
        double l2 = luminance(rgb2);
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    public static double ratio(Color a, Color b) {
        return ratio(a.getRGB() & 0xFFFFFF, b.getRGB() & 0xFFFFFF);
    }

    /** {@code over} painted with {@code alpha} (0–1) on {@code under}, as Java2D's SrcOver does in sRGB. */
    static int blend(int over, int under, double alpha) {
        int r = mix((over >> 16) & 0xFF, (under >> 16) & 0xFF, alpha);
        int g = mix((over >> 8) & 0xFF, (under >> 8) & 0xFF, alpha);
        int b = mix(over & 0xFF, under & 0xFF, alpha);
        return (r << 16) | (g << 8) | b;
    }

    /** Black or white, whichever reads better under text of this colour (one of them always reaches 4.5:1). */
    static Color neutralFor(Color text) {
        return ratio(text, Color.BLACK) >= ratio(text, Color.WHITE) ? Color.BLACK : Color.WHITE;
    }

    private static int mix(int over, int under, double alpha) {
        return (int) Math.round(over * alpha + under * (1 - alpha));
    }
}
