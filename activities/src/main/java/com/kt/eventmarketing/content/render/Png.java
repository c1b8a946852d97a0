package com.kt.eventmarketing.content.render;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PNG encoding, decoding and resizing. */
public final class Png {

    private Png() {
    }

    public static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Decodes image bytes; throws IllegalArgumentException when they are not an image ImageIO can read. */
    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalArgumentException("not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable image", e);
        }
    }

    /**
     * The image as a PNG of exactly width × height: scaled so it covers the target, then centre-cropped, so a
     * 1536×1024 answer becomes an 800×600 poster without distortion. Providers answer only in sizes of their own.
     */
    public static byte[] fitTo(byte[] image, int width, int height) {
        BufferedImage source = decode(image);
        if (source.getWidth() == width && source.getHeight() == height) {
            return encode(source);
        }
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            double scale = Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
            int scaledWidth = (int) Math.ceil(source.getWidth() * scale);
            int scaledHeight = (int) Math.ceil(source.getHeight() * scale);
            g.drawImage(source, (width - scaledWidth) / 2, (height - scaledHeight) / 2, scaledWidth, scaledHeight,
                    null);
        } finally {
            g.dispose();
        }
        return encode(scaled);
    }
}
