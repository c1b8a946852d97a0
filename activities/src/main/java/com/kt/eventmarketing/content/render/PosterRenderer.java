package com.kt.eventmarketing.content.render;

import com.kt.eventmarketing.content.ImagePlatform;
import com.kt.eventmarketing.content.ImageRequest;
import com.kt.eventmarketing.content.ImageStyle;
import org.springframework.stereotype.Component;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in fallback when the image API is down: an event poster drawn with Java2D — store name, title, prize,
 * a QR code of the participation link — in the colours of the style and the size of the platform.
 * All lengths are fractions of the shorter side, so one layout fits every platform size.
 */
@Component
public class PosterRenderer {

    public byte[] render(ImageRequest request, ImageStyle style, ImagePlatform platform) {
        int width = platform.width();
        int height = platform.height();
        int unit = Math.min(width, height);
        PosterPalette palette = PosterPalette.of(style);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, palette.backgroundTop(), 0, height, palette.backgroundBottom()));
            g.fillRect(0, 0, width, height);
            drawFrame(g, style, palette, width, height, unit);

            int margin = unit / 12;
            int textWidth = width - 2 * margin;
            int y = margin;
            g.setColor(palette.accent());
            y = drawLines(g, KoreanFont.of(Font.BOLD, unit / 22f), request.storeName(), margin, y, textWidth);
            g.setColor(palette.text());
            y = drawLines(g, KoreanFont.of(Font.BOLD, unit / 11f), request.title(), margin, y + unit / 30, textWidth);
            g.setColor(palette.accent());
            drawLines(g, KoreanFont.of(Font.BOLD, unit / 17f), "경품: " + request.prize(), margin, y + unit / 30,
                    textWidth);

            int qrSize = unit / 4;
            g.drawImage(QrCodes.of(request.participationUrl(), qrSize), width - margin - qrSize,
                    height - margin - qrSize, null);
            g.setColor(palette.text());
            g.setFont(KoreanFont.of(Font.PLAIN, unit / 28f));
            g.drawString("QR 코드로 참여하세요", margin, height - margin);
        } finally {
            g.dispose();
        }
        return Png.encode(image);
    }

    private static void drawFrame(Graphics2D g, ImageStyle style, PosterPalette palette, int width, int height,
                                  int unit) {
        g.setColor(palette.accent());
        switch (style) {
            case SIMPLE -> g.fillRect(0, height - unit / 60, width, unit / 60);
            case FANCY -> {
                g.setStroke(new BasicStroke(unit / 90f));
                int inset = unit / 30;
                g.drawRoundRect(inset, inset, width - 2 * inset, height - 2 * inset, unit / 15, unit / 15);
            }
            case TRENDY -> {
                int diameter = unit / 2;
                g.fillOval(width - diameter * 2 / 3, -diameter / 3, diameter, diameter);
            }
        }
    }

    /** Draws text word-wrapped to maxWidth starting below y; returns the y after the last line. */
    private static int drawLines(Graphics2D g, Font font, String text, int x, int y, int maxWidth) {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        int lineY = y;
        for (String line : wrap(text == null ? "" : text, metrics, maxWidth)) {
            lineY += metrics.getHeight();
            g.drawString(line, x, lineY - metrics.getDescent());
        }
        return lineY;
    }

    private static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= maxWidth || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
