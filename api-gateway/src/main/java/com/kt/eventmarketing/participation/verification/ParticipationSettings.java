package com.kt.eventmarketing.participation.verification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The owner's per-event participation options in {@code participation_settings}; no row = defaults (all off). */
@Component
public class ParticipationSettings {
    private final JdbcTemplate jdbc;

    public ParticipationSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Settings(boolean phoneVerification) {
    }

    public Settings of(long eventId) {
        List<Boolean> rows = jdbc.queryForList("select phone_verification from participation_settings where event_id = ?",
                Boolean.class, eventId);
        return new Settings(!rows.isEmpty() && rows.get(0));
    }

    public Settings save(long eventId, Settings settings) {
        jdbc.update("""
                insert into participation_settings (event_id, phone_verification) values (?, ?)
                on conflict (event_id) do update set phone_verification = excluded.phone_verification, updated_at = now()""",
                eventId, settings.phoneVerification());
        return settings;
    }
}
