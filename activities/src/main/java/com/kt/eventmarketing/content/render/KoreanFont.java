package com.kt.eventmarketing.content.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Hangul-capable font shipped in this jar (Nanum Gothic, OFL; see resources/fonts/README.md), so posters
 * render the same on any machine whatever fonts the OS has.
 */
final class KoreanFont {

    private static final String RESOURCE = "/fonts/NanumGothic-Regular.ttf";
    private static final Font BASE = load();

    private KoreanFont() {
    }

    static Font of(int style, float size) {
        return BASE.deriveFont(style, size);
    }

    private static Font load() {
        try (InputStream in = KoreanFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(RESOURCE + " is not a TrueType font", e);
        }
    }
}
