package com.kt.eventmarketing.content.render;

import com.kt.eventmarketing.content.ImageStyle;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PngTest {

    @Test
    void everyPixelSurvivesTheRoundTripForOpaqueImages() {
        BufferedImage noise = noise(BufferedImage.TYPE_INT_RGB, 257, 131);
        BufferedImage back = Png.decode(Png.encode(noise));
        assertThat(back.getColorModel().hasAlpha()).isFalse();
        assertSamePixels(noise, back);
    }

    @Test
    void translucentPixelsKeepTheirAlpha() {
        BufferedImage noise = noise(BufferedImage.TYPE_INT_ARGB, 64, 48);
        BufferedImage back = Png.decode(Png.encode(noise));
        assertThat(back.getColorModel().hasAlpha()).isTrue();
        assertSamePixels(noise, back);
    }

    /** Images not backed by a packed int array of their own (other layouts, sub-images) take the slow path, same result. */
    @Test
    void otherLayoutsAndSubImagesAreEncodedFromTheirOwnPixels() {
        BufferedImage bgr = new BufferedImage(90, 70, BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(noise(BufferedImage.TYPE_INT_RGB, 90, 70), 0, 0, null);
        assertSamePixels(bgr, Png.decode(Png.encode(bgr)));

        BufferedImage whole = noise(BufferedImage.TYPE_INT_RGB, 200, 100);
        BufferedImage part = whole.getSubimage(37, 11, 101, 53);
        assertSamePixels(part, Png.decode(Png.encode(part)));
    }

    /** The reason for our own writer is speed; it must not buy it with bigger posters than ImageIO's. */
    @Test
    void aPosterIsNoBiggerThanImageIoWouldWriteIt() throws IOException {
        BufferedImage poster = PosterCompositor.compose(BuiltInArt.draw(ImageStyle.FANCY, 1080, 1080),
                PosterCompositorTest.content(Color.WHITE, new Color(0xE53935), new Color(0x202020)), 1080, 1080).image();
        ByteArrayOutputStream imageIo = new ByteArrayOutputStream();
        ImageIO.write(poster, "png", imageIo);

        byte[] ours = Png.encode(poster);

        assertThat(ours.length).isLessThanOrEqualTo(imageIo.size() * 5 / 4);
        assertSamePixels(poster, Png.decode(ours));
    }

    private static BufferedImage noise(int type, int width, int height) {
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }
}
