package com.kt.eventmarketing.participation;

import com.kt.eventmarketing.gateway.web.Paging;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The record of who looked at entrants' personal data ({@code personal_data_access}): one row per participant list
 * page, CSV export and draw (view), written as the data is handed out (the export once it is streamed).
 * {@value #METRIC} counts accesses by {@code action}.
 */
@Component
public class PersonalDataAccessLog {
    static final String METRIC = "kt.personal.data.access";

    public enum Action { LIST, EXPORT, DRAW_VIEW, DRAW }

    public record Access(String action, long rows, Instant accessedAt) {
    }

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    public PersonalDataAccessLog(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    public void record(long eventId, long ownerId, Action action, long rows) {
        jdbc.update("insert into personal_data_access (event_id, owner_id, action, row_count) values (?, ?, ?, ?)",
                eventId, ownerId, action.name(), rows);
        meters.counter(METRIC, "action", action.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** Newest first. */
    public ParticipationViews.Page<Access> page(long eventId, Paging paging) {
        Long total = jdbc.queryForObject("select count(*) from personal_data_access where event_id = ?", Long.class, eventId);
        List<Access> content = jdbc.query("select action, row_count, accessed_at from personal_data_access"
                        + " where event_id = ? order by id desc limit ? offset ?",
                (rs, i) -> new Access(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()),
                eventId, paging.size(), paging.offset());
        return new ParticipationViews.Page<>(content, paging.page(), paging.size(), total == null ? 0 : total);
    }
}
