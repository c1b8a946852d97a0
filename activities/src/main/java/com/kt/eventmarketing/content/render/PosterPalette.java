package com.kt.eventmarketing.content.render;

import com.kt.eventmarketing.content.ImageStyle;

import java.awt.Color;

/**
 * The colours of each style: its built-in art's gradient and accents, and the words' colours until the owner
 * picks his own ({@code panel}: what goes behind the words when the art needs it).
 */
public record PosterPalette(Color backgroundTop, Color backgroundBottom, Color text, Color accent, Color panel) {

    public static PosterPalette of(ImageStyle style) {
        return switch (style) {
            case SIMPLE -> new PosterPalette(new Color(0xFAFAF7), new Color(0xF0EEE8), new Color(0x222222),
                    new Color(0xC62828), new Color(0xFFFFFF));
            case FANCY -> new PosterPalette(new Color(0x2B1B3D), new Color(0x5B2A5E), new Color(0xFFF4DC),
                    new Color(0xF2C14E), new Color(0x1E1229));
            case TRENDY -> new PosterPalette(new Color(0xFF5F6D), new Color(0xFFC371), new Color(0xFFFFFF),
                    new Color(0xFFF3B0), new Color(0x1B1B3A));
        };
    }
}
