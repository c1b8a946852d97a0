package com.kt.eventmarketing.content.render;

import java.awt.Color;

/**
 * The words and colours drawn over a poster's art. {@code period} and {@code guide} may be null (not chosen yet);
 * {@code panel} is the colour behind the words, made as opaque as the contrast rule needs.
 */
public record PosterContent(String storeName, String title, String prize, String period, String guide,
                            Color text, Color accent, Color panel, String qrUrl) {
}
