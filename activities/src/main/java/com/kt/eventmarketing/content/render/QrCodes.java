package com.kt.eventmarketing.content.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Map;

/** QR codes of the participation link, drawn black on white. */
final class QrCodes {

    private QrCodes() {
    }

    static BufferedImage of(String text, int size) {
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
