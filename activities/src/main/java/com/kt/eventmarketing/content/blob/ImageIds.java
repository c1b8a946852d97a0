package com.kt.eventmarketing.content.blob;

import java.util.regex.Pattern;

/**
 * The one rule for image ids, shared by every {@link BlobStore}. Ids come back in from URLs, so only plain ids
 * may become file names or object keys: no separators, dots or anything else a path could be built from.
 */
final class ImageIds {

    static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private ImageIds() {
    }

    static boolean isSafe(String imageId) {
        return imageId != null && SAFE_ID.matcher(imageId).matches();
    }

    /** For writes: an unsafe id is a programming error. */
    static String requireSafe(String imageId) {
        if (!isSafe(imageId)) {
            throw new IllegalArgumentException("image id must match " + SAFE_ID.pattern());
        }
        return imageId;
    }
}
