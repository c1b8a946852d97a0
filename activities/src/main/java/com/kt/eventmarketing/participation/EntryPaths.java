package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.distribution.ChannelType;

import java.util.Optional;

/** Where an entry came from: one of the event's channels ({@link ChannelType} names) or a visit to the store. */
public final class EntryPaths {
    public static final String STORE_VISIT = "STORE_VISIT";

    private EntryPaths() {
    }

    /** The canonical spelling of a known entry path, whatever the case the client sent. */
    public static Optional<String> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String upper = raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (STORE_VISIT.equals(upper)) {
            return Optional.of(STORE_VISIT);
        }
        for (ChannelType type : ChannelType.values()) {
            if (type.name().equals(upper)) {
                return Optional.of(type.name());
            }
        }
        return Optional.empty();
    }

    /** Tickets of one entry: STORE_VISIT entries get 1 + visitBonus in a weighted draw, everything else 1. */
    public static int tickets(String entryPath, boolean weighted, int visitBonus) {
        return weighted && STORE_VISIT.equals(entryPath) ? 1 + visitBonus : 1;
    }
}
