package com.kt.eventmarketing.content.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the words and the QR code go on a canvas of any size. The QR code sits bottom right; the event's words
 * (store, title, prize, period) fill the {@code main} region above it (and, on landscape canvases, left of it); the
 * guide and the QR caption fill the {@code foot} region beside the QR code. Each region's text is wrapped to its
 * width and shrunk, all blocks together, until it fits its height; only below the smallest legible size does a
 * block lose its last lines to an ellipsis. Lengths are fractions of the shorter side, so one layout serves
 * 1080×1080, 800×600 and 1920×1080.
 *
 * @param lines every line with its bounds, all inside {@code main} or {@code foot}
 * @param panels the text regions' areas (their lines' union plus padding), where the scrim/panel goes
 */
public record PosterLayout(int width, int height, Rectangle qr, Rectangle main, Rectangle foot, List<TextLine> lines,
                           List<Rectangle> panels) {

    public static final String QR_CAPTION = "QR 코드를 찍고 참여하세요";
    private static final double MIN_SCALE = 0.2;
    /** Smallest font, as a fraction of the shorter side: 28 px on 1080, 16 px on 600. */
    private static final double MIN_FONT = 0.026;

    /** A paragraph: its text, preferred size (fraction of the shorter side), colour and weight. */
    private record Block(String text, double size, Color colour, boolean bold) {
    }

    public static PosterLayout of(PosterContent content, int width, int height) {
        int unit = Math.min(width, height);
        int margin = (int) Math.round(unit * 0.06);
        int gap = (int) Math.round(unit * 0.03);
        boolean landscape = width >= height * 1.25;
        int qrSize = (int) Math.round(unit * (landscape ? 0.34 : 0.24));
        Rectangle qr = new Rectangle(width - margin - qrSize, height - margin - qrSize, qrSize, qrSize);
        int mainWidth = landscape ? width - 2 * margin - qrSize - gap : width - 2 * margin;
        Rectangle main = new Rectangle(margin, margin, mainWidth, height - 2 * margin - qrSize - 2 * gap);
        Rectangle foot = new Rectangle(margin, qr.y, width - 2 * margin - qrSize - gap, qrSize);

        List<Block> mainBlocks = new ArrayList<>();
        add(mainBlocks, content.storeName(), 0.05, content.accent(), true);
        add(mainBlocks, content.title(), 0.11, content.text(), true);
        add(mainBlocks, content.prize() == null ? null : "경품  " + content.prize(), 0.07, content.accent(), true);
        add(mainBlocks, content.period(), 0.048, content.text(), false);
        List<Block> footBlocks = new ArrayList<>();
        add(footBlocks, content.guide(), 0.042, content.text(), false);
        add(footBlocks, QR_CAPTION, 0.036, content.text(), true);

        int ring = ringPad(unit);
        List<TextLine> lines = new ArrayList<>(withAreas(fit(mainBlocks, main, unit, false), ring));
        List<TextLine> footLines = withAreas(fit(footBlocks, foot, unit, true), ring);
        lines.addAll(footLines);
        int pad = (int) Math.round(margin * 0.45);
        List<Rectangle> panels = new ArrayList<>();
        panels.add(union(lines.subList(0, lines.size() - footLines.size()), pad));
        panels.add(union(footLines, pad));
        panels.removeIf(r -> r.isEmpty());
        return new PosterLayout(width, height, qr, main, foot, List.copyOf(lines), List.copyOf(panels));
    }

    /** How far around its glyphs a line's area reaches (at most; it stops halfway to a neighbour). */
    static int ringPad(int unit) {
        return Math.max(2, (int) Math.round(unit * 0.012));
    }

    /** Areas stacked top to bottom without overlap: each boundary is the midpoint between two glyph boxes. */
    private static List<TextLine> withAreas(List<TextLine> lines, int ring) {
        List<TextLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            Rectangle2D box = line.bounds();
            int top = (int) Math.floor(box.getY()) - ring;
            int bottom = (int) Math.ceil(box.getMaxY()) + ring;
            if (i > 0) {
                top = Math.max(top, (int) Math.floor((lines.get(i - 1).bounds().getMaxY() + box.getY()) / 2));
            }
            if (i < lines.size() - 1) {
                bottom = Math.min(bottom, (int) Math.floor((box.getMaxY() + lines.get(i + 1).bounds().getY()) / 2));
            }
            int left = (int) Math.floor(box.getX()) - ring;
            int right = (int) Math.ceil(box.getMaxX()) + ring;
            out.add(new TextLine(line.text(), line.font(), line.colour(), box, line.baseline(),
                    new Rectangle(left, top, right - left, bottom - top)));
        }
        return out;
    }

    private static void add(List<Block> blocks, String text, double size, Color colour, boolean bold) {
        if (text != null && !text.isBlank()) {
            blocks.add(new Block(text.strip(), size, colour, bold));
        }
    }

    /**
     * The largest scale at which the blocks fit the region (binary search: the height only grows with the scale);
     * at the smallest scale, lines that still do not fit are dropped from the longest block, its new last line
     * ending in an ellipsis.
     */
    private static List<TextLine> fit(List<Block> blocks, Rectangle region, int unit, boolean bottomAligned) {
        if (blocks.isEmpty()) {
            return List.of();
        }
        double low = MIN_SCALE;
        double high = 1.0;
        if (wrapped(blocks, region, unit, high).height() <= region.height) {
            low = high;
        } else {
            for (int i = 0; i < 12; i++) {
                double mid = (low + high) / 2;
                if (wrapped(blocks, region, unit, mid).height() <= region.height) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
        }
        Wrapped text = wrapped(blocks, region, unit, low);
        while (text.height() > region.height && text.dropLastLineOfLongestBlock(region.width)) {
            // loop until it fits or nothing is left to drop
        }
        return text.place(region, bottomAligned);
    }

    private static Wrapped wrapped(List<Block> blocks, Rectangle region, int unit, double scale) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Block block : blocks) {
            float size = (float) Math.max(block.size() * unit * scale, MIN_FONT * unit);
            Font font = KoreanFont.of(block.bold() ? Font.BOLD : Font.PLAIN, size);
            paragraphs.add(new Paragraph(block, font, new ArrayList<>(LineBreaker.wrap(block.text(), font, region.width))));
        }
        return new Wrapped(paragraphs);
    }

    private record Paragraph(Block block, Font font, List<String> lines) {
        double lineHeight() {
            return font.getSize2D() * 1.22;
        }

        double gapBefore() {
            return font.getSize2D() * 0.45;
        }
    }

    private record Wrapped(List<Paragraph> paragraphs) {
        double height() {
            double h = 0;
            for (int i = 0; i < paragraphs.size(); i++) {
                Paragraph p = paragraphs.get(i);
                h += (i == 0 ? 0 : p.gapBefore()) + p.lines().size() * p.lineHeight();
            }
            return h;
        }

        boolean dropLastLineOfLongestBlock(double maxWidth) {
            Paragraph longest = paragraphs.stream().filter(p -> p.lines().size() > 1)
                    .max((a, b) -> Integer.compare(a.lines().size(), b.lines().size())).orElse(null);
            if (longest == null) {
                return false;
            }
            List<String> lines = longest.lines();
            lines.remove(lines.size() - 1);
            lines.set(lines.size() - 1, LineBreaker.ellipsize(lines.get(lines.size() - 1), longest.font(), maxWidth));
            return true;
        }

        List<TextLine> place(Rectangle region, boolean bottomAligned) {
            double y = bottomAligned ? region.getMaxY() - height() : region.y;
            List<TextLine> out = new ArrayList<>();
            for (int i = 0; i < paragraphs.size(); i++) {
                Paragraph p = paragraphs.get(i);
                y += i == 0 ? 0 : p.gapBefore();
                var metrics = p.font().getLineMetrics("가", LineBreaker.FRC);
                for (String line : p.lines()) {
                    // the glyphs' box centred in the line's height
                    double top = y + (p.lineHeight() - metrics.getAscent() - metrics.getDescent()) / 2;
                    float baseline = (float) (top + metrics.getAscent());
                    Rectangle2D bounds = new Rectangle2D.Double(region.x, top, LineBreaker.width(p.font(), line),
                            metrics.getAscent() + metrics.getDescent());
                    out.add(new TextLine(line, p.font(), p.block().colour(), bounds, baseline, null));
                    y += p.lineHeight();
                }
            }
            return out;
        }
    }

    private static Rectangle union(List<TextLine> lines, int pad) {
        Rectangle2D all = null;
        for (TextLine line : lines) {
            all = all == null ? (Rectangle2D) line.bounds().clone() : all.createUnion(line.bounds());
        }
        if (all == null) {
            return new Rectangle();
        }
        Rectangle r = all.getBounds();
        r.grow(pad, pad);
        return r;
    }
}
