package com.kt.eventmarketing.content;

/**
 * Input of the images step: the event's words as far as they are known. {@code participationUrl} is no longer
 * read (the QR code's marked link comes from PublicUrlProperties); it stays for the histories that carry it.
 */
public record ImageRequest(long eventId, String storeName, String businessType, String title, String prize,
                           String participationUrl) {
}
