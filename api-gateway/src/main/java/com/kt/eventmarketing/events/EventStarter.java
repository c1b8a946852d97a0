package com.kt.eventmarketing.events;

import com.kt.eventmarketing.events.persistence.EventRow;
import com.kt.eventmarketing.events.persistence.EventRowRepository;
import com.kt.eventmarketing.shared.PublicUrlProperties;
import com.kt.eventmarketing.tracing.TraceIds;
import com.kt.eventmarketing.users.persistence.Store;
import com.kt.eventmarketing.users.persistence.StoreRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the workflow starts that {@link EventService#create} owes: one attempt right after the creating statement
 * commits, and a sweeper for whatever a crash, a full queue or a Temporal outage left behind. A start holds its
 * {@code event_workflow_starts} row locked until the workflow exists, so replicas never make the same start at once
 * and a cancel waits for it; a start repeated after a crash is answered "already started", which counts as done.
 */
@Component
public class EventStarter implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(EventStarter.class);

    private final EventStartRequests requests;
    private final EventRowRepository events;
    private final StoreRepository stores;
    private final EventWorkflows workflows;
    private final EventProperties properties;
    private final PublicUrlProperties urls;
    private final TransactionTemplate transactions;
    private final Counter failures;
    private final AtomicReference<EventStartRequests.Backlog> backlog =
            new AtomicReference<>(new EventStartRequests.Backlog(0, null));
    // Bounded, and a full queue drops the task: the sweeper makes that start a moment later instead.
    private final ThreadPoolExecutor promptly = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), task -> {
        Thread thread = new Thread(task, "event-start");
        thread.setDaemon(true);
        return thread;
    }, new ThreadPoolExecutor.DiscardPolicy());

    public EventStarter(EventStartRequests requests, EventRowRepository events, StoreRepository stores,
                        EventWorkflows workflows, EventProperties properties, PublicUrlProperties urls,
                        PlatformTransactionManager transactionManager, MeterRegistry meters) {
        this.requests = requests;
        this.events = events;
        this.stores = stores;
        this.workflows = workflows;
        this.properties = properties;
        this.urls = urls;
        this.transactions = new TransactionTemplate(transactionManager);
        this.failures = meters.counter("kt.events.starts.failed");
        promptly.allowCoreThreadTimeOut(true);
        Gauge.builder("kt.events.starts.pending", backlog, b -> b.get().pending())
                .description("workflow starts owed to created events").register(meters);
        Gauge.builder("kt.events.starts.oldest.age", backlog, b -> ageSeconds(b.get().oldest()))
                .description("seconds since the oldest owed start was requested (0 when none)")
                .baseUnit("seconds").register(meters);
    }

    @Override
    public void destroy() {
        promptly.shutdownNow();
    }

    /** Called once the event and its start request have committed: the start is attempted right away. */
    public void startSoon(long eventId) {
        if (!properties.starts().enabled()) {
            return;
        }
        promptly.execute(() -> transactions.executeWithoutResult(
                status -> requests.claimIfFree(eventId).ifPresent(EventStarter.this::start)));
    }

    @Scheduled(fixedDelayString = "${kt.events.starts.sweep-interval:2s}")
    void sweepOnSchedule() {
        if (properties.starts().enabled()) {
            sweep();
        }
        backlog.set(requests.backlog());
    }

    /**
     * Starts up to one batch of due starts; returns how many workflows were started. Stops at the first failure:
     * when Temporal is down every further attempt would wait out its call deadline while holding the batch's locks.
     */
    public int sweep() {
        Integer started = transactions.execute(status -> {
            int count = 0;
            for (EventStartRequests.Claim claim : requests.claimDue(properties.starts().sweepBatch())) {
                if (!start(claim)) {
                    break;
                }
                count++;
            }
            return count;
        });
        return started == null ? 0 : started;
    }

    private boolean start(EventStartRequests.Claim claim) {
        long eventId = claim.eventId();
        try (var ignored = claim.traceId() == null ? null : MDC.putCloseable(TraceIds.MDC_TRACE_ID, claim.traceId())) {
            try {
                EventRow row = events.findById(eventId).orElseThrow();
                Store store = stores.findById(row.getStoreId()).orElseThrow();
                try {
                    workflows.start(input(row, store), store.getName());
                } catch (WorkflowExecutionAlreadyStarted e) {
                    log.info("workflow of event {} already started by an earlier attempt", eventId);
                }
                requests.remove(eventId);
                log.info("event workflow started: eventId={} workflowId={} attempts={}", eventId,
                        EventCreationInput.workflowId(eventId), claim.attempts() + 1);
                return true;
            } catch (RuntimeException e) {
                Duration wait = backoff(claim.attempts());
                requests.failed(eventId, e.getClass().getSimpleName() + ": " + e.getMessage(), wait);
                failures.increment();
                log.warn("event workflow start failed: eventId={} attempt={} retryIn={}s error={}", eventId,
                        claim.attempts() + 1, wait.toSeconds(), e.getClass().getSimpleName());
                return false;
            }
        }
    }

    private EventCreationInput input(EventRow row, Store store) {
        return new EventCreationInput(row.getId(), row.getOwnerId(), store.getId(), store.getName(),
                store.getBusinessType(), store.getAddress(), store.region(), row.getObjective(),
                urls.participationUrl(row.getId()), properties.draftExpiry(), properties.purgeNonWinnersAfter(),
                properties.purgeWinnersAfter());
    }

    /** 1 s after the first failure, doubling up to {@code kt.events.starts.max-backoff}. */
    private Duration backoff(int failedBefore) {
        Duration wait = Duration.ofSeconds(1L << Math.min(failedBefore, 20));
        return wait.compareTo(properties.starts().maxBackoff()) > 0 ? properties.starts().maxBackoff() : wait;
    }

    private static double ageSeconds(Instant oldest) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }
}
