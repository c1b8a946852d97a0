package com.kt.eventmarketing.content;

/** Input for the SNS images of an event: every style × every platform. */
public record ImageRequest(long eventId, String storeName, String businessType, String title, String prize,
                           String participationUrl) {
}
