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

/** Draws a simple abstract picture whose colours depend on the prompt, standing in for a generated image. */
@Component
public class PlaceholderPainter {

    public byte[] paint(String prompt, int width, int height) {
        int hash = prompt.hashCode();
        Color from = Color.getHSBColor(Math.floorMod(hash, 360) / 360f, 0.55f, 0.95f);
        Color to = Color.getHSBColor(Math.floorMod(hash >> 8, 360) / 360f, 0.65f, 0.6f);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, from, width, height, to));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(255, 255, 255, 90));
            int circles = 3 + Math.floorMod(hash, 4);
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
