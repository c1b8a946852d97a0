package com.kt.eventmarketing.content.render;

import com.kt.eventmarketing.content.ImageStyle;

import java.awt.Color;

/** The colours of each poster style. */
record PosterPalette(Color backgroundTop, Color backgroundBottom, Color text, Color accent) {

    static PosterPalette of(ImageStyle style) {
        return switch (style) {
            case SIMPLE -> new PosterPalette(new Color(0xFAFAF7), new Color(0xF0EEE8), new Color(0x222222),
                    new Color(0xE53935));
            case FANCY -> new PosterPalette(new Color(0x2B1B3D), new Color(0x5B2A5E), new Color(0xFFF4DC),
                    new Color(0xF2C14E));
            case TRENDY -> new PosterPalette(new Color(0xFF5F6D), new Color(0xFFC371), new Color(0xFFFFFF),
                    new Color(0x1B1B3A));
        };
    }
}
