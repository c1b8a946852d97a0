package com.kt.eventmarketing.content;

import com.kt.eventmarketing.events.Colors;

import java.time.Instant;

/**
 * A poster with the owner's words and colours over the art of {@code preview} (one of the style previews the
 * images step made; its art is reused, so the poster keeps the look the owner chose). {@code guide},
 * {@code colors}, {@code startAt} and {@code endAt} may be null while the owner has not set them.
 */
public record PosterRequest(long eventId, GeneratedImage preview, String storeName, String title, String prize,
                            String guide, Colors colors, Instant startAt, Instant endAt) {
}
