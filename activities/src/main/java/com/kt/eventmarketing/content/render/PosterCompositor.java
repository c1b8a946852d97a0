package com.kt.eventmarketing.content.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws a poster: the background art (the image API's or the built-in one, scaled to cover the canvas), a panel or
 * scrims where the words need them to stay readable, the event's words fitted to the canvas, and the QR code of
 * the participation page.
 */
public final class PosterCompositor {

    private PosterCompositor() {
    }

    public record Poster(BufferedImage image, PosterLayout layout) {
    }

    public static Poster compose(BufferedImage art, PosterContent content, int width, int height) {
        PosterLayout layout = PosterLayout.of(content, width, height);
        BufferedImage canvas = backdrop(art, content, layout);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            for (TextLine line : layout.lines()) {
                g.setFont(line.font());
                g.setColor(line.colour());
                g.drawString(line.text(), (float) line.bounds().getX(), line.baseline());
            }
            // black on white with its own quiet zone: scannable whatever is behind it
            g.setColor(Color.WHITE);
            g.fillRect(layout.qr().x, layout.qr().y, layout.qr().width, layout.qr().height);
            BufferedImage qr = QrCodes.of(content.qrUrl(), layout.qr().width);
            g.drawImage(qr, layout.qr().x + (layout.qr().width - qr.getWidth()) / 2,
                    layout.qr().y + (layout.qr().height - qr.getHeight()) / 2, null);
        } finally {
            g.dispose();
        }
        return new Poster(canvas, layout);
    }

    /** The canvas before the words and the QR code: art plus whatever panel or scrims the words will need. */
    static BufferedImage backdrop(BufferedImage art, PosterContent content, PosterLayout layout) {
        // cover, then centre-crop: providers answer in sizes of their own, never in the channel's
        BufferedImage canvas = ArtScaler.cover(art, layout.width(), layout.height());
        ReadableBackdrop.apply(canvas, layout, content.panel());
        return canvas;
    }
}
