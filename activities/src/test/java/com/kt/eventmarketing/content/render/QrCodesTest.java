package com.kt.eventmarketing.content.render;

import com.kt.eventmarketing.testsupport.qr.QrDecoding;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {

    @Test
    void theSameLinkAtTheSameSizeIsEncodedOnceAndStillScans() throws Exception {
        BufferedImage first = QrCodes.of("http://127.0.0.1:8080/e/41?via=STORE_VISIT", 240);
        BufferedImage again = QrCodes.of("http://127.0.0.1:8080/e/41?via=STORE_VISIT", 240);

        assertThat(again).isSameAs(first);
        assertThat(QrDecoding.decode(first)).isEqualTo("http://127.0.0.1:8080/e/41?via=STORE_VISIT");
    }

    @Test
    void anotherLinkOrSizeGetsACodeOfItsOwn() throws Exception {
        BufferedImage code = QrCodes.of("http://127.0.0.1:8080/e/42?via=STORE_VISIT", 240);

        assertThat(QrCodes.of("http://127.0.0.1:8080/e/43?via=STORE_VISIT", 240)).isNotSameAs(code);
        assertThat(QrCodes.of("http://127.0.0.1:8080/e/42?via=STORE_VISIT", 300)).isNotSameAs(code);
        assertThat(QrDecoding.decode(QrCodes.of("http://127.0.0.1:8080/e/43?via=STORE_VISIT", 240)))
                .isEqualTo("http://127.0.0.1:8080/e/43?via=STORE_VISIT");
    }

    @Test
    void keepsAtMostItsBound() {
        BufferedImage oldest = QrCodes.of("http://127.0.0.1:8080/e/1000", 200);
        for (int i = 1; i <= QrCodes.KEPT; i++) {
            QrCodes.of("http://127.0.0.1:8080/e/" + (1000 + i), 200);
        }

        assertThat(QrCodes.of("http://127.0.0.1:8080/e/1000", 200)).as("pushed out, drawn again").isNotSameAs(oldest);
    }
}
