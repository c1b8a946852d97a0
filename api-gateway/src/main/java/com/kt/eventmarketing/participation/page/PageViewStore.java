package com.kt.eventmarketing.participation.page;

import com.kt.eventmarketing.analytics.LiveCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Page views in PostgreSQL, the truth: {@code page_visits} holds who was counted for which event and day, so a view
 * is counted once however often it is buffered again (Redis flushed, a flush retried); {@code events.view_count}
 * grows by the visits that were new. The analytics version is bumped so the live counters, the dashboard and the
 * SSE stream see the new number.
 */
@Component
class PageViewStore {
    /** Views counted into {@code events.view_count} (one per visitor per event per day). */
    static final String METRIC = "kt.page.views";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final LiveCounters live;
    private final Counter counted;

    PageViewStore(JdbcTemplate jdbc, TransactionTemplate tx, LiveCounters live, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.live = live;
        this.counted = Counter.builder(METRIC)
                .description("customer page views counted into events.view_count (one per visitor per event per day)")
                .register(meters);
    }

    /** Writes the visits in one transaction; returns how many were new (counted). */
    int count(Collection<PageVisit> visits) {
        Map<Long, Integer> perEvent = tx.execute(status -> {
            List<PageVisit> list = new ArrayList<>(visits);
            int[] inserted = jdbc.batchUpdate("insert into page_visits (event_id, day, visitor_hash) values (?, ?, ?)"
                            + " on conflict do nothing",
                    list.stream().map(v -> new Object[]{v.eventId(), Date.valueOf(v.day()), v.visitor()}).toList());
            jdbc.batchUpdate("insert into page_visits (event_id, day, visitor_hash) values (?, ?, ?) on conflict do nothing",
                    list.stream().filter(v -> !v.alias().isEmpty())
                            .map(v -> new Object[]{v.eventId(), Date.valueOf(v.day()), v.alias()}).toList());
            Map<Long, Integer> counts = new TreeMap<>(); // sorted: concurrent flushes lock events in the same order
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] > 0) {
                    counts.merge(list.get(i).eventId(), 1, Integer::sum);
                }
            }
            counts.forEach((eventId, n) -> {
                jdbc.update("update events set view_count = view_count + ? where id = ?", n, eventId);
                jdbc.update("insert into analytics_events (event_id) values (?) on conflict (event_id) do nothing", eventId);
                jdbc.update("update analytics_events set version = version + 1, updated_at = now() where event_id = ?", eventId);
            });
            return counts;
        });
        int total = perEvent.values().stream().mapToInt(Integer::intValue).sum();
        counted.increment(total);
        live.refresh(perEvent.keySet());
        return total;
    }

    /** Forgets who visited before yesterday: dedupe is per day, and the ids are of no other use. */
    void forgetBefore(LocalDate day) {
        jdbc.update("delete from page_visits where day < ?", Date.valueOf(day));
    }
}
