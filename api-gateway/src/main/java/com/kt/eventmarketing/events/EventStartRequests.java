package com.kt.eventmarketing.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table of workflow starts still owed to created events ({@code event_workflow_starts}, V50). Claims lock rows
 * ({@code FOR UPDATE}); the caller's transaction decides how long.
 */
@Repository
public class EventStartRequests {
    /** A claimed start: the trace id of the request that created the event travels on to the workflow. */
    public record Claim(long eventId, String traceId, int attempts) {
    }

    /** How many starts are owed and since when (null when none). */
    public record Backlog(long pending, Instant oldest) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public EventStartRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The due starts, oldest due first; rows another replica holds are skipped, not waited for. */
    public List<Claim> claimDue(int limit) {
        return jdbc.query("select event_id, trace_id, attempts from event_workflow_starts where next_attempt_at <= now() "
                + "order by next_attempt_at limit ? for update skip locked", (rs, n) -> claim(rs), limit);
    }

    /** This event's start if nobody else is making it right now (the after-commit path). */
    public Optional<Claim> claimIfFree(long eventId) {
        return jdbc.query("select event_id, trace_id, attempts from event_workflow_starts where event_id = ? "
                + "for update skip locked", (rs, n) -> claim(rs), eventId).stream().findFirst();
    }

    /**
     * Cancels an event whose workflow has not started: its start is withdrawn and the row says CANCELLED. Waits for
     * a start being made right now (its lock) rather than skipping it, so false means a workflow exists and the
     * cancel belongs to it.
     */
    @Transactional
    public boolean withdraw(long eventId) {
        if (jdbc.update("delete from event_workflow_starts where event_id = ?", eventId) == 0) {
            return false;
        }
        jdbc.update("update events set status = 'CANCELLED', step = 'CANCELLED', updated_at = now() where id = ?", eventId);
        return true;
    }

    public void remove(long eventId) {
        jdbc.update("delete from event_workflow_starts where event_id = ?", eventId);
    }

    public void failed(long eventId, String error, Duration wait) {
        jdbc.update("update event_workflow_starts set attempts = attempts + 1, last_error = left(?, 500), "
                + "next_attempt_at = now() + make_interval(secs => ?) where event_id = ?",
                error, wait.toMillis() / 1000.0, eventId);
    }

    public boolean isPending(long eventId) {
        return !jdbc.queryForList("select 1 from event_workflow_starts where event_id = ?", Integer.class, eventId).isEmpty();
    }

    public Set<Long> pendingAmong(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("select event_id from event_workflow_starts where event_id in (:ids)",
                Map.of("ids", eventIds), Long.class));
    }

    public Backlog backlog() {
        return jdbc.queryForObject("select count(*), min(created_at) from event_workflow_starts",
                (rs, n) -> new Backlog(rs.getLong(1), Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant).orElse(null)));
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        return new Claim(rs.getLong("event_id"), rs.getString("trace_id"), rs.getInt("attempts"));
    }
}
