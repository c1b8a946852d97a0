package com.kt.eventmarketing.content.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * Makes the words readable on any art in any colours: measures the pixels behind every line and lays a panel in
 * the owner's panel colour under each text region, only as opaque as WCAG AA (4.5:1) needs. When even an opaque
 * panel of that colour cannot carry the owner's text colours (white words on a white panel), the panel turns black
 * or white; a line that still falls short (black and red words on one panel) gets a scrim of its own. An opaque
 * black or white scrim always reaches 4.5:1, so every line ends readable — checked on the pixels, not assumed.
 */
final class ReadableBackdrop {
    private static final double[] ALPHAS = {0, 0.3, 0.5, 0.65, 0.8, 0.9, 1.0};
    /** Predicted blends aim a little higher than 4.5 to absorb Java2D's rounding of the real blend. */
    private static final double TARGET = Contrast.AA + 0.1;
    private static final double IMPOSSIBLE = 2;
    /** Every second pixel in both directions: art has no detail thinner than that under a text line. */
    private static final int STEP = 2;

    private ReadableBackdrop() {
    }

    static void apply(BufferedImage canvas, PosterLayout layout, Color panel) {
        int[] pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        int width = canvas.getWidth();
        int arc = PosterLayout.ringPad(Math.min(layout.width(), layout.height())) * 2;
        for (Rectangle area : layout.panels()) {
            List<TextLine> lines = layout.lines().stream().filter(l -> area.contains(l.bounds())).toList();
            Color colour = panel;
            double alpha = neededAlpha(pixels, width, lines, colour);
            if (alpha == IMPOSSIBLE) {
                alpha = 0.9; // the owner's colour, mostly opaque, calms the art; the scrims below do the rest
                for (Color neutral : List.of(Color.WHITE, Color.BLACK)) {
                    double a = neededAlpha(pixels, width, lines, neutral);
                    if (a != IMPOSSIBLE) {
                        colour = neutral;
                        alpha = a;
                        break;
                    }
                }
            }
            fill(canvas, area, colour, alpha, arc);
        }
        for (TextLine line : layout.lines()) {
            Color scrim = Contrast.neutralFor(line.colour());
            // square corners: the scrim covers exactly the line's area, up to the neighbours' areas and not beyond
            for (int i = 0; i < 2 && minRatio(pixels, width, line.colour(), line.area()) < Contrast.AA; i++) {
                double a = neededAlpha(pixels, width, List.of(line), scrim);
                fill(canvas, line.area(), scrim, a == IMPOSSIBLE || i > 0 ? 1.0 : a, 0);
            }
        }
    }

    /** The smallest alpha of {@code colour} that gives every line 4.5:1 over every pixel behind it; IMPOSSIBLE if none. */
    private static double neededAlpha(int[] pixels, int width, List<TextLine> lines, Color colour) {
        int over = colour.getRGB() & 0xFFFFFF;
        int index = 0;
        for (TextLine line : lines) {
            int text = line.colour().getRGB() & 0xFFFFFF;
            Rectangle r = line.area();
            for (int y = r.y; y < r.y + r.height; y += STEP) {
                for (int x = r.x; x < r.x + r.width; x += STEP) {
                    int under = pixels[y * width + x] & 0xFFFFFF;
                    while (Contrast.ratio(text, Contrast.blend(over, under, ALPHAS[index])) < TARGET) {
                        if (++index == ALPHAS.length) {
                            return IMPOSSIBLE;
                        }
                    }
                }
            }
        }
        return ALPHAS[index];
    }

    private static double minRatio(int[] pixels, int width, Color colour, Rectangle r) {
        int text = colour.getRGB() & 0xFFFFFF;
        double min = Double.MAX_VALUE;
        for (int y = r.y; y < r.y + r.height; y += STEP) {
            for (int x = r.x; x < r.x + r.width; x += STEP) {
                min = Math.min(min, Contrast.ratio(text, pixels[y * width + x] & 0xFFFFFF));
            }
        }
        return min;
    }

    private static void fill(BufferedImage canvas, Rectangle area, Color colour, double alpha, int arc) {
        if (alpha <= 0) {
            return;
        }
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), (int) Math.round(alpha * 255)));
            if (arc == 0) {
                g.fill(area);
                return;
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.fill(new RoundRectangle2D.Double(area.x, area.y, area.width, area.height, arc, arc));
        } finally {
            g.dispose();
        }
    }
}
