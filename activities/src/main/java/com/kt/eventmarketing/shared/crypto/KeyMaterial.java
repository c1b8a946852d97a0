package com.kt.eventmarketing.shared.crypto;

import java.util.Base64;

final class KeyMaterial {
    private KeyMaterial() {
    }

    /** Decodes a base64 key and insists on 256 bits, naming the property (never the value) when it is wrong. */
    static byte[] decode32(String base64, String property) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(property + " is not set");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(property + " must decode to 32 bytes, got " + bytes.length);
        }
        return bytes;
    }
}
