package com.kt.eventmarketing.content.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Scales art to cover a canvas (then centre-crops), bilinear, on the raw pixel arrays. Java2D's bilinear
 * {@code drawImage} took 14–16 ms for 1024² → 1080² (its general transform loop), more than half of composing a
 * poster; this loop does the same interpolation in about a fifth of that.
 */
final class ArtScaler {

    private ArtScaler() {
    }

    static BufferedImage cover(BufferedImage art, int width, int height) {
        int sw = art.getWidth();
        int sh = art.getHeight();
        int[] src = rgb(art);
        double scale = Math.max((double) width / sw, (double) height / sh);
        // source coordinate of each target pixel's centre, the crop centred
        double offsetX = (sw - width / scale) / 2;
        double offsetY = (sh - height / scale) / 2;
        int[] x0 = new int[width];
        int[] x1 = new int[width];
        int[] fx = new int[width];
        for (int x = 0; x < width; x++) {
            double sx = Math.max(0, Math.min(sw - 1, offsetX + (x + 0.5) / scale - 0.5));
            x0[x] = (int) sx;
            x1[x] = Math.min(sw - 1, x0[x] + 1);
            fx[x] = (int) ((sx - x0[x]) * 256);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        // Separable: each source row is mixed horizontally once and kept while target rows still need it (an
        // upscale reads every source row for about two target rows); the same sums as mixing per target pixel.
        HorizontalRows rows = new HorizontalRows(src, sw, x0, x1, fx);
        for (int y = 0; y < height; y++) {
            double sy = Math.max(0, Math.min(sh - 1, offsetY + (y + 0.5) / scale - 0.5));
            int y0 = (int) sy;
            int fy = (int) ((sy - y0) * 256);
            int[] top = rows.row(y0);
            int[] bottom = rows.row(Math.min(sh - 1, y0 + 1));
            int base = y * width;
            for (int x = 0; x < width; x++) {
                dst[base + x] = mix(top[x], bottom[x], fy);
            }
        }
        return out;
    }

    /**
     * Source rows mixed horizontally to the target width; the last two asked for are kept. Rows are asked for in
     * pairs (y0, y0 + 1) with y0 never decreasing, so a computed row never overwrites the one just handed out.
     */
    private static final class HorizontalRows {
        private final int[] src;
        private final int sourceWidth;
        private final int[] x0;
        private final int[] x1;
        private final int[] fx;
        private int[] older;
        private int[] newer;
        private int olderRow = -1;
        private int newerRow = -1;

        HorizontalRows(int[] src, int sourceWidth, int[] x0, int[] x1, int[] fx) {
            this.src = src;
            this.sourceWidth = sourceWidth;
            this.x0 = x0;
            this.x1 = x1;
            this.fx = fx;
            this.older = new int[x0.length];
            this.newer = new int[x0.length];
        }

        int[] row(int sourceRow) {
            if (sourceRow == newerRow) {
                return newer;
            }
            if (sourceRow == olderRow) {
                return older;
            }
            int[] reused = older;
            older = newer;
            olderRow = newerRow;
            int offset = sourceRow * sourceWidth;
            for (int x = 0; x < reused.length; x++) {
                reused[x] = mix(src[offset + x0[x]], src[offset + x1[x]], fx[x]);
            }
            newer = reused;
            newerRow = sourceRow;
            return newer;
        }
    }

    /** a × (256 − f)/256 + b × f/256 per channel; red and blue together in one multiply (0xRR00BB). */
    private static int mix(int a, int b, int f) {
        int g = 256 - f;
        int redBlue = (((a & 0xFF00FF) * g + (b & 0xFF00FF) * f) >>> 8) & 0xFF00FF;
        int green = (((a & 0x00FF00) * g + (b & 0x00FF00) * f) >>> 8) & 0x00FF00;
        return redBlue | green;
    }

    /** The pixels as 0xRRGGBB, straight from the raster for the types ImageIO and we produce. */
    private static int[] rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB) {
            return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        }
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            int[] out = new int[w * h];
            for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                out[i] = ((bgr[j + 2] & 0xFF) << 16) | ((bgr[j + 1] & 0xFF) << 8) | (bgr[j] & 0xFF);
            }
            return out;
        }
        return image.getRGB(0, 0, w, h, null, 0, w);
    }
}
