package com.kt.eventmarketing.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.OptionalLong;

/**
 * A new event: its DRAFT row and the workflow start it is owed ({@code event_workflow_starts}), written by one
 * statement, so both commit together or not at all in a single round trip to PostgreSQL. Every hop costs the 202
 * a wake-up on a busy machine; this was four (the store lookup, two inserts, the commit).
 */
@Repository
public class EventDrafts {
    private final JdbcTemplate jdbc;

    public EventDrafts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The new event's id; empty when the owner has no store. */
    public OptionalLong create(long ownerId, EventObjective objective, String traceId) {
        List<Long> ids = jdbc.queryForList("""
                        with draft as (
                          insert into events (owner_id, store_id, objective, status, step)
                          select s.owner_id, s.id, ?, ?, ? from stores s where s.owner_id = ?
                          returning id
                        ), owed as (
                          insert into event_workflow_starts (event_id, trace_id) select id, ? from draft
                        )
                        select id from draft""", Long.class,
                objective.name(), EventStatus.DRAFT.name(), EventStep.ANALYZING_TRENDS.name(), ownerId, traceId);
        return ids.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ids.get(0));
    }
}
