package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.shared.crypto.FieldCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Fixes an event's draw commitment: a random 32-byte seed, kept encrypted, and its SHA-256 published. The first
 * caller wins ({@code on conflict do nothing}), so the commitment never changes once shown. It is fixed lazily: when
 * the event is first seen open (public page or first entry), or at the latest when the owner asks for the draw.
 */
@Component
public class DrawCommitments {
    private final JdbcTemplate jdbc;
    private final FieldCipher cipher;
    private final SecureRandom random = new SecureRandom();

    public DrawCommitments(JdbcTemplate jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The event's commitment, creating it if there is none yet. */
    public String ensure(long eventId) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        String commitment = com.kt.eventmarketing.participation.WinnerDraw.commitment(seed);
        jdbc.update("insert into draws (event_id, commitment, seed_encrypted) values (?, ?, ?) on conflict (event_id) do nothing",
                eventId, commitment, cipher.encrypt(HexFormat.of().formatHex(seed)));
        List<String> stored = jdbc.queryForList("select commitment from draws where event_id = ?", String.class, eventId);
        return stored.get(0);
    }

    /** The seed behind the commitment (only the draw itself calls this). */
    byte[] seed(String seedEncrypted) {
        return HexFormat.of().parseHex(cipher.decrypt(seedEncrypted));
    }
}
