package com.kt.eventmarketing.sandbox.images;

import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws a simple abstract picture whose colours depend on the prompt, standing in for a generated image.
 * <p>A real provider renders on its own machines; this one shares the cores of the service it stands in for, where
 * painting and PNG-encoding a 1024² picture for every call was about half the CPU of ten owners' images steps at
 * once. So a prompt picks one of {@value #VARIANTS} pictures, and the last {@value #KEPT} painted (as the
 * base64 the API answers with) are kept: the client still receives, decodes and scales a full-size PNG per call.
 */
@Component
public class PlaceholderPainter {
    static final int VARIANTS = 16;
    static final int KEPT = 24;

    private record Picture(int variant, int width, int height) {
    }

    private final Map<Picture, String> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Picture, String> eldest) {
            return size() > KEPT;
        }
    };

    /** The PNG of the prompt's picture at width × height, base64-encoded as the API's {@code b64_json}. */
    public String base64Png(String prompt, int width, int height) {
        Picture picture = new Picture(Math.floorMod(prompt.hashCode(), VARIANTS), width, height);
        synchronized (kept) {
            String known = kept.get(picture);
            if (known != null) {
                return known;
            }
        }
        // painted outside the lock: two first calls for one picture paint it twice, which is harmless
        String painted = Base64.getEncoder().encodeToString(paint(picture));
        synchronized (kept) {
            kept.put(picture, painted);
        }
        return painted;
    }

    int keptPictures() {
        synchronized (kept) {
            return kept.size();
        }
    }

    private static byte[] paint(Picture picture) {
        int width = picture.width();
        int height = picture.height();
        int variant = picture.variant();
        Color from = Color.getHSBColor(variant / (float) VARIANTS, 0.55f, 0.95f);
        Color to = Color.getHSBColor(((variant * 7) % VARIANTS) / (float) VARIANTS, 0.65f, 0.6f);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, from, width, height, to));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(255, 255, 255, 90));
            int circles = 3 + variant % 4;
            for (int i = 0; i < circles; i++) {
                int diameter = Math.min(width, height) / (2 + i);
                g.fillOval(width * (i + 1) / (circles + 1) - diameter / 2, height / 2 - diameter / 2, diameter, diameter);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
