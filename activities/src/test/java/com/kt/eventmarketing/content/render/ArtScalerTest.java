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
}
