package com.kt.eventmarketing.shared.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data at rest, base64 encoded, 32 bytes each. The defaults in application.yml are for the
 * local stack only; production supplies both from its secret store.
 */
@ConfigurationProperties("kt.crypto")
public record CryptoProperties(String encryptionKey, String hashKey) {
}
