package com.kt.eventmarketing.content.render;

import com.kt.eventmarketing.testsupport.qr.QrDecoding;
import com.kt.eventmarketing.content.ImageStyle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PosterCompositorTest {
    static final String TITLE_40 = "가을맞이 주말 한정 치킨 세트 인증샷 이벤트 참여하고 선물 받아가세요!!";
    static final String PRIZE_60 = "후라이드 치킨 한 마리와 콜라 1.25리터, 치즈볼 다섯 개, 감자튀김 라지 세트까지 모두 드리는 경품꾸러미";
    static final String QR = "https://kt-event.example/e/42?via=STORE_VISIT";
    static final List<int[]> CHANNEL_SIZES = List.of(new int[]{1080, 1080}, new int[]{800, 600}, new int[]{800, 800},
            new int[]{1920, 1080});

    static PosterContent content(Color text, Color accent, Color panel) {
        return new PosterContent("맛있는 치킨 강남역점", TITLE_40, PRIZE_60, "12.1(월) ~ 12.7(일)",
                "매장에서 QR 코드를 찍고 이름과 전화번호를 남기면 자동으로 응모됩니다. 당첨자는 개별 연락드려요.",
                text, accent, panel, QR);
    }

    @Test
    void theLongTestTextsHaveTheLengthsTheRuleNames() {
        assertThat(TITLE_40.codePointCount(0, TITLE_40.length())).isEqualTo(40);
        assertThat(PRIZE_60.codePointCount(0, PRIZE_60.length())).isEqualTo(60);
    }

    static Stream<Arguments> sizesAndStyles() {
        List<Arguments> all = new ArrayList<>();
        for (int[] size : CHANNEL_SIZES) {
            for (ImageStyle style : ImageStyle.values()) {
                all.add(Arguments.of(size[0], size[1], style));
            }
        }
        return all.stream();
    }

    /**
     * The 40-character title and 60-character prize appear whole (no ellipsis, every word), every line box lies
     * inside the margins and off the QR code, and the ink actually drawn stays inside the line boxes: every pixel the
     * words changed is within a line box (the rest of the canvas is the backdrop, pixel for pixel).
     */
    @ParameterizedTest(name = "{0}x{1} {2}")
    @MethodSource("sizesAndStyles")
    void longKoreanTextsFitInsideTheMarginsAtEveryChannelSize(int width, int height, ImageStyle style) {
        PosterPalette palette = PosterPalette.of(style);
        PosterContent content = content(palette.text(), palette.accent(), palette.panel());
        BufferedImage art = BuiltInArt.draw(style, width, height);

        PosterCompositor.Poster poster = PosterCompositor.compose(art, content, width, height);
        PosterLayout layout = poster.layout();

        String drawn = String.join(" ", layout.lines().stream().map(TextLine::text).toList());
        assertThat(drawn).doesNotContain("…");
        assertThat(squeeze(drawn)).contains(squeeze(TITLE_40)).contains(squeeze(PRIZE_60))
                .contains(squeeze(content.guide()));
        int margin = (int) Math.floor(Math.min(width, height) * 0.06);
        Rectangle inside = new Rectangle(margin, margin, width - 2 * margin, height - 2 * margin);
        for (TextLine line : layout.lines()) {
            assertThat(inside.contains(line.bounds())).as("%s inside the margins %s", line, inside).isTrue();
            assertThat(line.bounds().intersects(layout.qr())).as("%s off the QR code", line.text()).isFalse();
            assertThat(line.font().getSize2D()).as("legible").isGreaterThanOrEqualTo(Math.min(width, height) * 0.026f - 0.01f);
        }
        for (int i = 0; i < layout.lines().size(); i++) {
            for (int j = i + 1; j < layout.lines().size(); j++) {
                assertThat(layout.lines().get(i).bounds().intersects(layout.lines().get(j).bounds()))
                        .as("lines %d and %d overlap", i, j).isFalse();
            }
        }
        BufferedImage backdrop = PosterCompositor.backdrop(art, content, layout);
        List<Rectangle> allowed = new ArrayList<>();
        for (TextLine line : layout.lines()) {
            Rectangle r = line.bounds().getBounds();
            r.grow(2, 2); // antialiasing may touch the pixel next to the box
            allowed.add(r);
        }
        allowed.add(layout.qr());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (poster.image().getRGB(x, y) != backdrop.getRGB(x, y)) {
                    int px = x;
                    int py = y;
                    assertThat(allowed.stream().anyMatch(r -> r.contains(px, py)))
                            .as("ink at %d,%d outside every line box", x, y).isTrue();
                }
            }
        }
    }

    static Stream<Arguments> hostileColours() {
        Color white = Color.WHITE;
        Color black = Color.BLACK;
        Color red = new Color(0xFF0000);
        return Stream.of(
                Arguments.of("white words, white panel, white art", white, white, white, solid(white)),
                Arguments.of("white words on light art", white, white, new Color(0xFAFAFA), solid(new Color(0xF2F2F2))),
                Arguments.of("black and red on white (red is 4.0:1 on white)", black, red, white, solid(white)),
                Arguments.of("white and red on black", white, red, black, solid(black)),
                Arguments.of("red on red", red, red, red, solid(new Color(0xFF3030))),
                Arguments.of("mid grey on stripes", new Color(0x777777), new Color(0x888888), new Color(0x808080), stripes()));
    }

    /** Measured on the pixels: behind every line (the backdrop under its box) and around it on the final poster. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileColours")
    void everyLineKeepsAaContrastAgainstWhatIsBehindIt(String name, Color text, Color accent, Color panel,
                                                        BufferedImage art) {
        for (int[] size : CHANNEL_SIZES) {
            PosterContent content = content(text, accent, panel);
            PosterCompositor.Poster poster = PosterCompositor.compose(art, content, size[0], size[1]);
            BufferedImage backdrop = PosterCompositor.backdrop(art, content, poster.layout());
            for (TextLine line : poster.layout().lines()) {
                int colour = line.colour().getRGB() & 0xFFFFFF;
                Rectangle box = line.bounds().getBounds();
                assertThat(minRatio(backdrop, colour, box)).as("%s %dx%d behind '%s'", name, size[0], size[1], line.text())
                        .isGreaterThanOrEqualTo(Contrast.AA);
                assertThat(minRatioOnBorder(poster.image(), colour, line.area(), poster.layout()))
                        .as("%s %dx%d around '%s'", name, size[0], size[1], line.text()).isGreaterThanOrEqualTo(Contrast.AA);
            }
        }
    }

    @Test
    void artThatIsAlreadyCalmGetsNoPanel() {
        BufferedImage art = solid(new Color(0x101020));
        PosterContent content = content(Color.WHITE, new Color(0xFFD54F), Color.WHITE);
        PosterCompositor.Poster poster = PosterCompositor.compose(art, content, 1080, 1080);
        BufferedImage backdrop = PosterCompositor.backdrop(art, content, poster.layout());
        assertThat(backdrop.getRGB(540, 300) & 0xFFFFFF).as("no panel where the art reads fine").isEqualTo(0x101020);
    }

    @Test
    void theQrCodeDecodesToTheStoreVisitLinkOnEveryChannelSize() throws Exception {
        for (int[] size : CHANNEL_SIZES) {
            for (ImageStyle style : ImageStyle.values()) {
                PosterPalette palette = PosterPalette.of(style);
                BufferedImage image = PosterCompositor.compose(BuiltInArt.draw(style, size[0], size[1]),
                        content(palette.text(), palette.accent(), palette.panel()), size[0], size[1]).image();
                assertThat(QrDecoding.decode(Png.decode(Png.encode(image)))).as("%dx%d %s", size[0], size[1], style).isEqualTo(QR);
            }
        }
    }

    private static double minRatio(BufferedImage image, int colour, Rectangle r) {
        double min = Double.MAX_VALUE;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                min = Math.min(min, Contrast.ratio(colour, image.getRGB(x, y) & 0xFFFFFF));
            }
        }
        return min;
    }

    /**
     * The ring's outline on the final poster: the pixels right next to the words, leaving out those inside another
     * line's box (the neighbouring line's own ink).
     */
    private static double minRatioOnBorder(BufferedImage image, int colour, Rectangle r, PosterLayout layout) {
        double min = Double.MAX_VALUE;
        List<int[]> border = new ArrayList<>();
        for (int x = r.x; x < r.x + r.width; x++) {
            border.add(new int[]{x, r.y});
            border.add(new int[]{x, r.y + r.height - 1});
        }
        for (int y = r.y; y < r.y + r.height; y++) {
            border.add(new int[]{r.x, y});
            border.add(new int[]{r.x + r.width - 1, y});
        }
        for (int[] p : border) {
            boolean ink = layout.lines().stream().anyMatch(l -> l.bounds().getBounds().contains(p[0], p[1]));
            if (!ink) {
                min = Math.min(min, Contrast.ratio(colour, image.getRGB(p[0], p[1]) & 0xFFFFFF));
            }
        }
        return min;
    }

    static BufferedImage solid(Color colour) {
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 1024, 1024);
        g.dispose();
        return image;
    }

    /** Black and white bands: whatever the words' colour, part of this art is as bad as it gets. */
    static BufferedImage stripes() {
        BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int x = 0; x < 1024; x += 32) {
            g.setColor(x % 64 == 0 ? Color.WHITE : Color.BLACK);
            g.fillRect(x, 0, 32, 1024);
        }
        g.dispose();
        return image;
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
