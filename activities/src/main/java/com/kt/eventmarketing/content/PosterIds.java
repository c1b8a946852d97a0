package com.kt.eventmarketing.content;

import com.kt.eventmarketing.content.render.PosterContent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Image ids of drawn posters. Ids are never reused for other bytes (the gateway lets clients cache an image for
 * 7 days), so an edited poster gets a new id, while the same poster drawn again (a retried activity) gets the same
 * id and overwrites identical bytes instead of leaving an orphan.
 */
final class PosterIds {

    private PosterIds() {
    }

    /** A preview of the images step; {@code batch} differs per attempt, so a new set never overwrites an old one. */
    static String preview(long eventId, ImageStyle style, String batch) {
        return "e%d-%s-%s".formatted(eventId, lower(style.name()), batch);
    }

    static String redrawnPreview(String previewId, PosterContent content, int width, int height) {
        return previewId + "-r" + hash(previewId, content, width, height);
    }

    static String channelPoster(long eventId, String channel, String previewId, PosterContent content, int width,
                                int height) {
        return "e%d-%s-%s".formatted(eventId, lower(channel).replace('_', '-'), hash(previewId, content, width, height));
    }

    private static String hash(String previewId, PosterContent content, int width, int height) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((previewId + "\u0000" + content + "\u0000" + width + "x" + height)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
