package com.kt.eventmarketing.content.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * QR codes of the participation link, drawn black on white. The last few are kept: an event's three previews and its
 * channel posters of one size carry the same code, and encoding it (ZXing tries all eight masks) was about 7 % of the
 * content activities' CPU. A kept image is only ever read (drawn onto posters), never changed.
 */
final class QrCodes {
    static final int KEPT = 32;

    private record Code(String text, int size) {
    }

    private static final Map<Code, BufferedImage> KEPT_CODES = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Code, BufferedImage> eldest) {
            return size() > KEPT;
        }
    };

    private QrCodes() {
    }

    static BufferedImage of(String text, int size) {
        Code code = new Code(text, size);
        synchronized (KEPT_CODES) {
            BufferedImage known = KEPT_CODES.get(code);
            if (known != null) {
                return known;
            }
        }
        BufferedImage drawn = draw(text, size);
        synchronized (KEPT_CODES) {
            KEPT_CODES.put(code, drawn);
        }
        return drawn;
    }

    private static BufferedImage draw(String text, int size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("participation URL cannot be a QR code", e);
        }
        int width = matrix.getWidth();
        BufferedImage image = new BufferedImage(width, matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
        // straight into the raster: setRGB converts every pixel through the colour model
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = matrix.get(x, y) ? 0x000000 : 0xFFFFFF;
            }
        }
        return image;
    }
}
