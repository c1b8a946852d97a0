package com.kt.eventmarketing.events;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.gateway.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A new event's DRAFT row and its owed start: both in one transaction, or neither (no store, no event). */
@GatewayTest(properties = "kt.events.starts.enabled=false")
class EventDraftsTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventDrafts drafts;

    @Test
    void theDraftAndItsStartAreWrittenTogetherForTheOwnersStore() {
        TestEvents.Owner owner = new TestEvents(jdbc, new ApiClient(port)).owner();
        long eventId = drafts.create(owner.id(), EventObjective.REVISIT, "trace-1").orElseThrow();

        Map<String, Object> row = jdbc.queryForMap("select e.owner_id, e.store_id = s.id as own_store, e.objective,"
                + " e.status, e.step, e.xmin::text as tx from events e join stores s on s.owner_id = e.owner_id where e.id = ?", eventId);
        assertThat(row).containsEntry("owner_id", owner.id()).containsEntry("own_store", true)
                .containsEntry("objective", "REVISIT").containsEntry("status", "DRAFT").containsEntry("step", "ANALYZING_TRENDS");
        Map<String, Object> start = jdbc.queryForMap(
                "select trace_id, xmin::text as tx from event_workflow_starts where event_id = ?", eventId);
        assertThat(start).containsEntry("trace_id", "trace-1").containsEntry("tx", row.get("tx"));
    }

    @Test
    void anOwnerWithoutAStoreGetsNoEventAndNoStart() {
        TestEvents.Owner owner = new TestEvents(jdbc, new ApiClient(port)).owner();
        jdbc.update("delete from stores where owner_id = ?", owner.id());
        long startsBefore = jdbc.queryForObject("select count(*) from event_workflow_starts", Long.class);

        assertThat(drafts.create(owner.id(), EventObjective.REVISIT, null)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from events where owner_id = ?", Long.class, owner.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_workflow_starts", Long.class)).isEqualTo(startsBefore);
        var created = new ApiClient(port).post("/api/v1/events", owner.token(), Map.of("objective", "REVISIT"));
        assertThat(created.status()).as(created.body()).isEqualTo(404);
    }
}
