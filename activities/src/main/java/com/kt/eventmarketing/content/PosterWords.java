package com.kt.eventmarketing.content;

import com.kt.eventmarketing.content.render.PosterContent;
import com.kt.eventmarketing.content.render.PosterPalette;
import com.kt.eventmarketing.events.Colors;
import com.kt.eventmarketing.participation.EntryPaths;
import com.kt.eventmarketing.shared.PublicUrlProperties;

import java.awt.Color;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the compositor draws for an event: its words, the owner's colours (else the style's), the QR link. */
final class PosterWords {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M.d(E)", Locale.KOREAN);

    private PosterWords() {
    }

    /** Before the owner's edit: the recommendation's words in the style's colours. */
    static PosterContent of(ImageRequest request, ImageStyle style, PublicUrlProperties urls) {
        PosterPalette palette = PosterPalette.of(style);
        return new PosterContent(request.storeName(), request.title(), request.prize(), null, null, palette.text(),
                palette.accent(), palette.panel(), qrUrl(request.eventId(), urls));
    }

    static PosterContent of(PosterRequest request, PublicUrlProperties urls) {
        PosterPalette palette = PosterPalette.of(request.preview().style());
        Colors colors = request.colors();
        return new PosterContent(request.storeName(), request.title(), request.prize(),
                period(request.startAt(), request.endAt()), request.guide(),
                colour(colors == null ? null : colors.text(), palette.text()),
                colour(colors == null ? null : colors.accent(), palette.accent()),
                colour(colors == null ? null : colors.background(), palette.panel()),
                qrUrl(request.eventId(), urls));
    }

    /** "12.1(월) ~ 12.7(일)" in Korean time; null until the owner has chosen the period. */
    static String period(Instant start, Instant end) {
        if (start == null || end == null) {
            return null;
        }
        return DAY.format(start.atZone(SEOUL)) + " ~ " + DAY.format(end.atZone(SEOUL));
    }

    /** The poster is what people see in the shop: its QR code counts them as store visits. */
    private static String qrUrl(long eventId, PublicUrlProperties urls) {
        return urls.participationUrl(eventId, EntryPaths.STORE_VISIT);
    }

    /** #RRGGBB (validated by the gateway); anything else keeps the style's colour. */
    private static Color colour(String hex, Color fallback) {
        if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}")) {
            return fallback;
        }
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }
}
