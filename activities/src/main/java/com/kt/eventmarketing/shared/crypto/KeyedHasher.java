package com.kt.eventmarketing.shared.crypto;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 of a normalised value: a stable lookup key for encrypted personal data (uniqueness, de-duplication)
 * that cannot be reversed or brute-forced without the key.
 */
@Component
public class KeyedHasher {
    private final SecretKeySpec key;

    public KeyedHasher(CryptoProperties properties) {
        this.key = new SecretKeySpec(KeyMaterial.decode32(properties.hashKey(), "kt.crypto.hash-key"), "HmacSHA256");
    }

    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }
}
