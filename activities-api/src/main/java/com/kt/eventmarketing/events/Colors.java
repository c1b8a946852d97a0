package com.kt.eventmarketing.events;

/** Colours as #RRGGBB. */
public record Colors(String background, String text, String accent) {
}
