package com.kt.eventmarketing.shared.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data at rest, base64 encoded, 32 bytes each, from the secret store ({@code KT_ENCRYPTION_KEY},
 * {@code KT_HASH_KEY}); {@link SecretKeyGuard} refuses missing and published keys at start-up.
 */
@ConfigurationProperties("kt.crypto")
public record CryptoProperties(String encryptionKey, String hashKey) {
}
