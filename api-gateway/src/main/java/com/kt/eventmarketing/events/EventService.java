package com.kt.eventmarketing.events;

import com.kt.eventmarketing.analytics.DashboardCounts;
import com.kt.eventmarketing.events.persistence.EventRow;
import com.kt.eventmarketing.events.persistence.EventRowRepository;
import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.Paging;
import com.kt.eventmarketing.gateway.web.UnavailableException;
import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.tracing.TraceIds;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.function.Function;

/** Owner-side event use cases. Every lookup is scoped to the calling owner: another owner's event is a 404. */
@Service
public class EventService {
    private static final Logger log = LoggerFactory.getLogger(EventService.class);
    private static final long STARTING_RETRY_AFTER_SECONDS = 1;

    private final EventRowRepository events;
    private final EventWorkflows workflows;
    private final EventStartRequests startRequests;
    private final EventDrafts drafts;
    private final EventStarter starter;
    private final PublicUrlProperties urls;
    private final EventViewCache cache;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final DashboardCounts dashboardCounts;

    public EventService(EventRowRepository events, EventWorkflows workflows,
                        EventStartRequests startRequests, EventDrafts drafts, EventStarter starter, PublicUrlProperties urls,
                        EventViewCache cache, JsonMapper json, MeterRegistry meters, DashboardCounts dashboardCounts) {
        this.events = events;
        this.workflows = workflows;
        this.startRequests = startRequests;
        this.drafts = drafts;
        this.starter = starter;
        this.urls = urls;
        this.cache = cache;
        this.json = json;
        this.meters = meters;
        this.dashboardCounts = dashboardCounts;
    }

    /**
     * Writes the DRAFT row and its workflow start request together ({@link EventDrafts}) and returns without waiting
     * for Temporal: {@link EventStarter} makes the start right away, or later if Temporal is away.
     */
    public EventViews.Created create(long ownerId, EventObjective objective) {
        long eventId = drafts.create(ownerId, objective, MDC.get(TraceIds.MDC_TRACE_ID))
                .orElseThrow(() -> ApiException.notFound("store"));
        starter.startSoon(eventId);
        meters.counter("kt.events.created", "objective", objective.name()).increment();
        log.info("event created: eventId={} workflowId={}", eventId, EventCreationInput.workflowId(eventId));
        return new EventViews.Created(eventId, EventStatus.DRAFT, EventStep.ANALYZING_TRENDS);
    }

    public EventViews.Page<EventViews.Summary> list(long ownerId, EventStatus status, EventObjective objective,
                                                    String keyword, Paging paging) {
        Specification<EventRow> spec = (root, query, cb) -> cb.equal(root.get("ownerId"), ownerId);
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (objective != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("objective"), objective));
        }
        if (keyword != null && !keyword.isBlank()) {
            String like = "%" + keyword.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("title")), like, '\\'),
                    cb.like(cb.lower(root.get("prize")), like, '\\')));
        }
        var result = events.findAll(spec, PageRequest.of(paging.page(), paging.size(), Sort.by(Sort.Direction.DESC, "createdAt", "id")));
        Set<Long> starting = startRequests.pendingAmong(result.getContent().stream().map(EventRow::getId).toList());
        return new EventViews.Page<>(result.getContent().stream()
                .map(row -> EventViews.Summary.of(row, starting.contains(row.getId()))).toList(),
                paging.page(), paging.size(), result.getTotalElements());
    }

    /** Counts from the analytics projections; the whole answer is cached in Redis for 1 minute, evicted on change. */
    public EventViews.Dashboard dashboard(long ownerId) {
        var cached = dashboardCounts.cached(ownerId);
        if (cached.isPresent()) {
            return json.readValue(cached.get(), EventViews.Dashboard.class);
        }
        Map<EventStatus, List<EventRow>> rows = new EnumMap<>(EventStatus.class);
        for (EventStatus status : List.of(EventStatus.ACTIVE, EventStatus.APPROVED, EventStatus.ENDED)) {
            rows.put(status, events.findTop5ByOwnerIdAndStatusOrderByCreatedAtDesc(ownerId, status));
        }
        var counts = dashboardCounts.counts(rows.values().stream().flatMap(List::stream).map(EventRow::getId).toList());
        Function<EventStatus, List<EventViews.DashboardItem>> items = status -> rows.get(status).stream()
                .map(row -> {
                    var c = counts.get(row.getId());
                    return EventViews.DashboardItem.of(row, c == null ? 0 : c.participants(), c == null ? 0 : c.views());
                }).toList();
        EventViews.Dashboard dashboard = new EventViews.Dashboard(items.apply(EventStatus.ACTIVE),
                items.apply(EventStatus.APPROVED), items.apply(EventStatus.ENDED));
        dashboardCounts.put(ownerId, json.writeValueAsString(dashboard));
        return dashboard;
    }

    /** Served from the 5-minute cache when possible (keyed by owner, so a hit is also an ownership check). */
    public EventViews.Detail detail(long ownerId, long eventId) {
        var cached = cache.get(EventViewCache.View.DETAIL, ownerId, eventId);
        if (cached.isPresent()) {
            return json.readValue(cached.get(), EventViews.Detail.class);
        }
        EventRow row = owned(ownerId, eventId);
        if (startRequests.isPending(eventId)) {
            return fromRow(row, true);
        }
        var snapshot = workflows.snapshot(eventId);
        if (snapshot.isEmpty()) {
            return fromRow(row, false);
        }
        EventViews.Detail detail = merge(row, snapshot.get());
        cache.put(EventViewCache.View.DETAIL, ownerId, eventId, json.writeValueAsString(detail));
        return detail;
    }

    public EventViews.Recommendations recommendations(long ownerId, long eventId) {
        EventSnapshot s = live(ownerId, eventId);
        return new EventViews.Recommendations(eventId, s.step(), s.trends(), s.recommendations(), s.selectedRecommendation());
    }

    /** Image URLs are cached for 7 days once generated; regenerating them evicts the entry. */
    public EventViews.Images images(long ownerId, long eventId) {
        var cached = cache.get(EventViewCache.View.IMAGES, ownerId, eventId);
        if (cached.isPresent()) {
            return json.readValue(cached.get(), EventViews.Images.class);
        }
        EventSnapshot s = live(ownerId, eventId);
        EventViews.Images images = new EventViews.Images(eventId, s.step(), s.images(), s.imageId());
        if (!s.images().isEmpty()) {
            cache.put(EventViewCache.View.IMAGES, ownerId, eventId, json.writeValueAsString(images));
        }
        return images;
    }

    public EventViews.Distribution distribution(long ownerId, long eventId) {
        EventSnapshot s = live(ownerId, eventId);
        return new EventViews.Distribution(eventId, s.status(), s.distribution());
    }

    /**
     * Runs an Update on the owner's event and answers with the merged detail. Before its workflow has started there
     * is nothing to update: a 503 with Retry-After, as for any workflow that cannot answer yet.
     */
    public EventViews.Detail change(long ownerId, long eventId, Function<EventCreationWorkflow, EventSnapshot> update) {
        EventRow row = owned(ownerId, eventId);
        if (startRequests.isPending(eventId)) {
            throw starting();
        }
        try {
            return merge(row, workflows.update(eventId, update));
        } finally {
            cache.evict(ownerId, eventId);
        }
    }

    /**
     * Cancels the owner's event. One whose workflow has not started is cancelled in the database and its start
     * withdrawn (waiting for a start being made right now), so no workflow is started for it later.
     */
    public EventViews.Detail cancel(long ownerId, long eventId, String reason) {
        owned(ownerId, eventId);
        if (startRequests.withdraw(eventId)) {
            cache.evict(ownerId, eventId);
            log.info("event cancelled before its workflow started: eventId={}", eventId);
            return fromRow(owned(ownerId, eventId), false);
        }
        return change(ownerId, eventId, wf -> wf.cancel(reason));
    }

    private EventSnapshot live(long ownerId, long eventId) {
        owned(ownerId, eventId);
        return workflows.snapshot(eventId).orElseThrow(() -> startRequests.isPending(eventId) ? starting()
                : new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Workflow service unavailable",
                "the event's live state cannot be read right now", List.of()));
    }

    private static UnavailableException starting() {
        return new UnavailableException("Event starting", "the event's workflow has not started yet; try again shortly",
                STARTING_RETRY_AFTER_SECONDS);
    }

    private EventRow owned(long ownerId, long eventId) {
        return events.findByIdAndOwnerId(eventId, ownerId).orElseThrow(() -> ApiException.notFound("event " + eventId));
    }

    private EventViews.Detail merge(EventRow row, EventSnapshot s) {
        return new EventViews.Detail(row.getId(), row.getObjective(), s.status(), s.step(), true, false, s.title(), s.prize(),
                s.participationMethod(), s.guide(), s.expectedParticipants(), s.estimatedCost(), s.expectedRoi(),
                s.imageId(), s.imageUrl(), s.imageProvider(), s.colors(), s.channels(), s.distribution(),
                s.startAt(), s.endAt(), s.failureReason(), urls.participationUrl(row.getId()),
                row.getViewCount(), row.getCreatedAt(), row.getUpdatedAt());
    }

    private EventViews.Detail fromRow(EventRow row, boolean starting) {
        return new EventViews.Detail(row.getId(), row.getObjective(), row.getStatus(), row.getStep(), false, starting,
                row.getTitle(), row.getPrize(), row.getParticipationMethod(), row.getGuide(), row.getExpectedParticipants(),
                row.getEstimatedCost(), row.getExpectedRoi(), null, row.getImageUrl(), null, null, List.of(), List.of(),
                row.getStartAt(), row.getEndAt(), null, urls.participationUrl(row.getId()), row.getViewCount(),
                row.getCreatedAt(), row.getUpdatedAt());
    }
}
