package com.kt.eventmarketing.content.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;

/**
 * One laid-out line: its glyph box ({@code bounds}: advance width × ascent + descent) and {@code area}, the box plus
 * a ring that belongs to this line alone (it stops halfway to the lines above and below). Readability is judged,
 * and a scrim laid, on the area, so neighbouring lines with different scrims never paint over each other's.
 */
public record TextLine(String text, Font font, Color colour, Rectangle2D bounds, float baseline, Rectangle area) {
}
