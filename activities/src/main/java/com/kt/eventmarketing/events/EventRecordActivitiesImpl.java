package com.kt.eventmarketing.events;

import com.kt.eventmarketing.distribution.ChannelType;
import com.kt.eventmarketing.shared.Topics;
import com.kt.eventmarketing.shared.WorkerComponent;
import com.kt.eventmarketing.shared.outbox.OutboxWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the workflow's state into PostgreSQL. Every write is an idempotent overwrite and every outbox message
 * has an id derived from (event, kind, round), so activity retries change nothing twice.
 */
@WorkerComponent
public class EventRecordActivitiesImpl implements EventRecordActivities {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutboxWriter outbox;
    private final JsonMapper json;
    private final EventViewCache views;

    public EventRecordActivitiesImpl(JdbcTemplate jdbc, TransactionTemplate tx, OutboxWriter outbox, JsonMapper json,
                                     EventViewCache views) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.json = json;
        this.views = views;
    }

    @Override
    public void recordProgress(EventSnapshot snapshot) {
        tx.executeWithoutResult(status -> writeEvent(snapshot));
        views.evict(snapshot.ownerId(), snapshot.eventId());
    }

    @Override
    public void recordApproval(EventSnapshot snapshot) {
        tx.executeWithoutResult(status -> {
            writeEvent(snapshot);
            writeChannels(snapshot);
            outbox.write(messageId(Topics.EVENT_CREATED, snapshot.eventId(), 0), Topics.EVENT_CREATED, snapshot.eventId(),
                    new EventCreatedMessage(snapshot.eventId(), snapshot.ownerId(), snapshot.storeId(), snapshot.objective(),
                            snapshot.title(), snapshot.prize(), snapshot.expectedParticipants(), snapshot.estimatedCost(),
                            snapshot.expectedRoi(), snapshot.channels().stream().map(c -> c.type().name()).toList(),
                            snapshot.startAt(), snapshot.endAt()));
        });
        views.evict(snapshot.ownerId(), snapshot.eventId());
    }

    @Override
    public void recordDistribution(EventSnapshot snapshot, int round) {
        tx.executeWithoutResult(status -> {
            writeEvent(snapshot);
            writeChannels(snapshot);
            outbox.write(messageId(Topics.DISTRIBUTION_COMPLETED, snapshot.eventId(), round), Topics.DISTRIBUTION_COMPLETED,
                    snapshot.eventId(), new DistributionCompletedMessage(snapshot.eventId(), round, snapshot.distribution()));
        });
        views.evict(snapshot.ownerId(), snapshot.eventId());
    }

    private void writeEvent(EventSnapshot s) {
        jdbc.update("""
                        update events set status = ?, step = ?, title = ?, prize = ?, participation_method = ?, guide = ?,
                          expected_participants = ?, estimated_cost = ?, expected_roi = ?, image_id = ?, image_url = ?,
                          image_provider = ?, color_background = ?, color_text = ?, color_accent = ?, start_at = ?, end_at = ?,
                          updated_at = now()
                        where id = ?""",
                s.status().name(), s.step().name(), s.title(), s.prize(), s.participationMethod(), s.guide(),
                s.expectedParticipants(), s.estimatedCost(), s.expectedRoi(), s.imageId(), s.imageUrl(), s.imageProvider(),
                s.colors() == null ? null : s.colors().background(), s.colors() == null ? null : s.colors().text(),
                s.colors() == null ? null : s.colors().accent(), timestamp(s.startAt()), timestamp(s.endAt()), s.eventId());
    }

    private void writeChannels(EventSnapshot s) {
        Map<ChannelType, ChannelDistribution> results = new EnumMap<>(ChannelType.class);
        s.distribution().forEach(d -> results.put(d.channel(), d));
        for (ChannelSelection channel : s.channels()) {
            ChannelDistribution d = results.get(channel.type());
            jdbc.update("""
                            insert into event_channels (event_id, channel, settings, status, attempts, last_error, external_id, post_url)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (event_id, channel) do update set settings = excluded.settings, status = excluded.status,
                              attempts = excluded.attempts, last_error = excluded.last_error, external_id = excluded.external_id,
                              post_url = excluded.post_url, updated_at = now()""",
                    s.eventId(), channel.type().name(), json.writeValueAsString(channel.settings() == null ? Map.of() : channel.settings()),
                    d == null ? DistributionStatus.PENDING.name() : d.status().name(), d == null ? 0 : d.attempts(),
                    d == null ? null : truncate(d.lastError()), d == null ? null : d.externalId(), d == null ? null : d.postUrl());
        }
    }

    static UUID messageId(String topic, long eventId, int round) {
        return UUID.nameUUIDFromBytes((topic + ":" + eventId + ":" + round).getBytes(StandardCharsets.UTF_8));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    /** Body of {@code event.created}. */
    public record EventCreatedMessage(long eventId, long ownerId, long storeId, EventObjective objective, String title,
                                      String prize, Integer expectedParticipants, Long estimatedCost, Double expectedRoi,
                                      List<String> channels, Instant startAt, Instant endAt) {
    }

    /** Body of {@code distribution.completed}: the state of every channel after this round. */
    public record DistributionCompletedMessage(long eventId, int round, List<ChannelDistribution> channels) {
    }
}
