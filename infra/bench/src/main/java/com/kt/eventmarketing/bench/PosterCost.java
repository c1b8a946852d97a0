package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.content.ImageStyle;
import com.kt.eventmarketing.content.render.BuiltInArt;
import com.kt.eventmarketing.content.render.Png;
import com.kt.eventmarketing.content.render.PosterCompositor;
import com.kt.eventmarketing.content.render.PosterContent;
import com.kt.eventmarketing.content.render.PosterPalette;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * CPU time of one 1080×1080 poster, composed and PNG-encoded, on one core: the compositor's work per preview,
 * re-draw and square channel poster. Measured with the thread's CPU clock (ThreadMXBean), so waiting for a core
 * the other processes hold does not count. The art is a 1024×1024 picture, the size the image API answers, so
 * the scaling to 1080 is included; the words are the longest the fitting rule names (a 40-character title, a
 * 60-character prize) in the owner's colours that need a panel and scrims, the worst case for layout and contrast.
 */
final class PosterCost {
    private static final String TITLE = "가을맞이 주말 한정 치킨 세트 인증샷 이벤트 참여하고 선물 받아가세요!!";
    private static final String PRIZE = "후라이드 치킨 한 마리와 콜라 1.25리터, 치즈볼 다섯 개, 감자튀김 라지 세트까지 모두 드리는 경품꾸러미";

    /** Per poster: CPU of compose + encode together and of each part, over {@code posters} after a warm-up. */
    record Run(int posters, double cpuMsPerPoster, double composeMs, double encodeMs, double wallMsPerPoster,
               int pngBytes) {
    }

    private PosterCost() {
    }

    static Run measure(int posters, Duration budget) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BufferedImage art = BuiltInArt.draw(ImageStyle.TRENDY, 1024, 1024);
        for (int i = 0; i < 30; i++) { // JIT warm-up
            Png.encode(PosterCompositor.compose(art, words(-1 - i), 1080, 1080).image());
        }
        long deadline = System.nanoTime() + budget.toNanos();
        long compose = 0;
        long encode = 0;
        long wallStart = System.nanoTime();
        int done = 0;
        int bytes = 0;
        while (done < posters && System.nanoTime() < deadline) {
            PosterContent words = words(done);
            long t0 = threads.getCurrentThreadCpuTime();
            BufferedImage image = PosterCompositor.compose(art, words, 1080, 1080).image();
            long t1 = threads.getCurrentThreadCpuTime();
            bytes = Png.encode(image).length;
            long t2 = threads.getCurrentThreadCpuTime();
            compose += t1 - t0;
            encode += t2 - t1;
            done++;
        }
        double wall = (System.nanoTime() - wallStart) / 1e6 / done;
        return new Run(done, (compose + encode) / 1e6 / done, compose / 1e6 / done, encode / 1e6 / done, wall, bytes);
    }

    /** Every poster its own event's link, so each pays for its QR code (an event's previews share theirs). */
    private static PosterContent words(int poster) {
        return new PosterContent("맛있는 치킨 강남역점", TITLE, PRIZE, "12.1(월) ~ 12.7(일)",
                "매장에서 QR 코드를 찍고 이름과 전화번호를 남기면 자동으로 응모됩니다.", Color.BLACK, new Color(0xFF0000),
                PosterPalette.of(ImageStyle.TRENDY).panel(), "http://127.0.0.1:8080/e/" + (100_000 + poster) + "?via=STORE_VISIT");
    }

    public static void main(String[] args) {
        System.out.println(measure(args.length > 0 ? Integer.parseInt(args[0]) : 100, Duration.ofSeconds(60)));
    }
}
