package com.kt.eventmarketing.events;

/** The image the owner picked and the texts and colours shown with it. */
public record ContentChoice(String imageId, String title, String prize, String guide, Colors colors) {
}
