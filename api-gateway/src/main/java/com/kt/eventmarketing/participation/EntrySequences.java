package com.kt.eventmarketing.participation;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One PostgreSQL sequence per event gives its entry numbers: unique and increasing, and {@code nextval} never
 * blocks, so concurrent entries of a popular event do not queue on a counter row. Gaps are allowed (a duplicate
 * that loses the unique constraint still consumed its number).
 */
@Component
public class EntrySequences {
    private final JdbcTemplate jdbc;

    public EntrySequences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String name(long eventId) {
        return "participant_entry_seq_" + eventId;
    }

    public void ensure(long eventId) {
        try {
            jdbc.execute("create sequence if not exists " + name(eventId) + " as bigint start with 1 cache 1");
        } catch (DataAccessException e) {
            // Two sessions creating it at the same moment: one of them loses on the catalog's unique index.
            Integer exists = jdbc.queryForObject("select count(*) from pg_class where relkind = 'S' and relname = ?",
                    Integer.class, name(eventId));
            if (exists == null || exists == 0) {
                throw e;
            }
        }
    }
}
