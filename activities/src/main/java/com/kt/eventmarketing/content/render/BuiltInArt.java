package com.kt.eventmarketing.content.render;

import com.kt.eventmarketing.content.ImageStyle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The background art of each style when the image API is down or disabled: gradients and shapes, no words (the
 * compositor draws those). Drawn at the poster's own size, so every channel size gets sharp art, and the same
 * style always gives the same art.
 */
public final class BuiltInArt {

    private BuiltInArt() {
    }

    public static BufferedImage draw(ImageStyle style, int width, int height) {
        PosterPalette palette = PosterPalette.of(style);
        int unit = Math.min(width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, palette.backgroundTop(), width * 0.3f, height,
                    palette.backgroundBottom()));
            g.fillRect(0, 0, width, height);
            switch (style) {
                case SIMPLE -> {
                    g.setColor(palette.accent());
                    g.fillRect(0, height - unit / 40, width, unit / 40);
                    g.fillRect(0, 0, unit / 60, height);
                }
                case FANCY -> {
                    g.setColor(palette.accent());
                    g.setStroke(new BasicStroke(unit / 120f));
                    int inset = unit / 40;
                    g.drawRoundRect(inset, inset, width - 2 * inset, height - 2 * inset, unit / 12, unit / 12);
                    g.setColor(new Color(0xF2, 0xC1, 0x4E, 0x55));
                    for (int i = 0; i < 14; i++) {
                        // a fixed scatter of sparkles: deterministic, so a re-drawn poster keeps its art
                        int x = (int) (width * ((i * 0.381966) % 1.0));
                        int y = (int) (height * ((i * 0.618034 + 0.1) % 1.0));
                        int d = unit / (40 + i * 3);
                        g.fillOval(x, y, d, d);
                    }
                }
                case TRENDY -> {
                    g.setColor(new Color(255, 255, 255, 70));
                    g.fillOval(width - unit * 2 / 3, -unit / 4, unit, unit);
                    g.setColor(new Color(0x1B, 0x1B, 0x3A, 60));
                    g.fillOval(-unit / 4, height - unit / 2, unit * 2 / 3, unit * 2 / 3);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
