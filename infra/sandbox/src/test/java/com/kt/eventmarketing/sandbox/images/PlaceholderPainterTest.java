package com.kt.eventmarketing.sandbox.images;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholderPainterTest {

    @Test
    void aPictureIsPaintedOnceAndThenServedFromTheKeptOnes() throws Exception {
        PlaceholderPainter painter = new PlaceholderPainter();

        String first = painter.base64Png("치킨 이벤트 포스터", 1024, 1024);
        String again = painter.base64Png("치킨 이벤트 포스터", 1024, 1024);

        assertThat(again).isSameAs(first);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(first)));
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(1024);
    }

    @Test
    void promptsPickDifferentPicturesAndSizesAreKeptApart() {
        PlaceholderPainter painter = new PlaceholderPainter();
        Set<String> pictures = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            pictures.add(painter.base64Png("prompt " + i, 256, 256));
        }

        assertThat(pictures).hasSizeGreaterThan(PlaceholderPainter.VARIANTS / 2);
        assertThat(painter.base64Png("prompt 1", 512, 512)).isNotEqualTo(painter.base64Png("prompt 1", 256, 256));
    }

    @Test
    void keepsNoMoreThanItsBound() {
        PlaceholderPainter painter = new PlaceholderPainter();
        for (int variant = 0; variant < 200 && painter.keptPictures() < PlaceholderPainter.KEPT; variant++) {
            painter.base64Png("a " + variant, 256, 256);
            painter.base64Png("a " + variant, 512, 512);
        }
        for (int i = 0; i < 50; i++) {
            painter.base64Png("b " + i, 256, 512 - i);
        }

        assertThat(painter.keptPictures()).isEqualTo(PlaceholderPainter.KEPT);
    }
}
