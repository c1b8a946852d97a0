package com.kt.eventmarketing.content.render;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ArtScalerTest {

    /** 1024² art on a 1920×1080 canvas: scaled to 1920 wide, its middle rows kept, top and bottom cut evenly. */
    @Test
    void coversTheCanvasAndCropsTheMiddle() {
        BufferedImage art = new BufferedImage(1024, 1024, BufferedImage.TYPE_3BYTE_BGR); // as ImageIO decodes a PNG
        Graphics2D g = art.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 1024, 200); // cut off: above the kept band (1024 × 1080/1920 = 576 rows around the middle)
        g.setColor(Color.BLUE);
        g.fillRect(0, 200, 512, 824);
        g.setColor(Color.GREEN);
        g.fillRect(512, 200, 512, 824);
        g.dispose();

        BufferedImage out = ArtScaler.cover(art, 1920, 1080);

        assertThat(out.getWidth()).isEqualTo(1920);
        assertThat(out.getHeight()).isEqualTo(1080);
        assertThat(out.getRGB(0, 0) & 0xFFFFFF).as("the red top band is cropped away").isEqualTo(0x0000FF);
        assertThat(out.getRGB(950, 540) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(out.getRGB(970, 540) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(out.getRGB(1919, 1079) & 0xFFFFFF).isEqualTo(0x00FF00);
    }

    @Test
    void artOfTheCanvasSizeIsCopiedPixelForPixelAndNeverChanged() {
        BufferedImage art = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                art.setRGB(x, y, (x * 7919 + y * 104729) & 0xFFFFFF);
            }
        }
        BufferedImage out = ArtScaler.cover(art, 800, 600);
        assertThat(out).isNotSameAs(art);
        for (int y = 0; y < 600; y += 7) {
            for (int x = 0; x < 800; x += 5) {
                assertThat(out.getRGB(x, y)).isEqualTo(art.getRGB(x, y));
            }
        }
    }

    /** Up, down and crop: every pixel is the bilinear mix of its four source pixels, as if mixed one pixel at a time. */
    @Test
    void everyPixelIsTheBilinearMixOfItsFourSourcePixels() {
        BufferedImage art = new BufferedImage(97, 61, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < art.getHeight(); y++) {
            for (int x = 0; x < art.getWidth(); x++) {
                art.setRGB(x, y, random.nextInt() & 0xFFFFFF);
            }
        }
        for (int[] size : new int[][]{{200, 120}, {40, 30}, {97, 200}, {300, 50}}) {
            BufferedImage out = ArtScaler.cover(art, size[0], size[1]);
            BufferedImage expected = perPixel(art, size[0], size[1]);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    assertThat(out.getRGB(x, y)).as("%dx%d at %d,%d", size[0], size[1], x, y).isEqualTo(expected.getRGB(x, y));
                }
            }
        }
    }

    /** The plain definition: centre-cropped cover, bilinear with 8-bit weights, computed for each pixel on its own. */
    private static BufferedImage perPixel(BufferedImage art, int width, int height) {
        int sw = art.getWidth();
        int sh = art.getHeight();
        double scale = Math.max((double) width / sw, (double) height / sh);
        double offsetX = (sw - width / scale) / 2;
        double offsetY = (sh - height / scale) / 2;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            double sy = Math.max(0, Math.min(sh - 1, offsetY + (y + 0.5) / scale - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(sh - 1, y0 + 1);
            int fy = (int) ((sy - y0) * 256);
            for (int x = 0; x < width; x++) {
                double sx = Math.max(0, Math.min(sw - 1, offsetX + (x + 0.5) / scale - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(sw - 1, x0 + 1);
                int fx = (int) ((sx - x0) * 256);
                int[] channels = new int[3];
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    int top = (((art.getRGB(x0, y0) >> shift) & 0xFF) * (256 - fx) + ((art.getRGB(x1, y0) >> shift) & 0xFF) * fx) >>> 8;
                    int bottom = (((art.getRGB(x0, y1) >> shift) & 0xFF) * (256 - fx) + ((art.getRGB(x1, y1) >> shift) & 0xFF) * fx) >>> 8;
                    channels[c] = (top * (256 - fy) + bottom * fy) >>> 8;
                }
                out.setRGB(x, y, (channels[0] << 16) | (channels[1] << 8) | channels[2]);
            }
        }
        return out;
    }
}
