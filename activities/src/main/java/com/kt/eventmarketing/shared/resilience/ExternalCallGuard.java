package com.kt.eventmarketing.shared.resilience;

import com.kt.eventmarketing.shared.WorkerComponent;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs a call to an external system behind that system's circuit breaker (and, for channels, a bulkhead), and turns
 * every failure into the Temporal {@code ApplicationFailure} that tells the activity retry policy what to do.
 * Only failures that say something about the provider's health (5xx, 429, timeouts) count against the breaker;
 * a 4xx is our own mistake and must not open it, and a call the bulkhead turned away never reached the provider.
 * <p>Metrics (Resilience4j's tagged Micrometer binders, tag {@code name} = the system): breaker state
 * ({@code resilience4j.circuitbreaker.state}), calls by outcome ({@code resilience4j.circuitbreaker.calls}, kind
 * successful / failed / ignored / not_permitted), failure and slow-call rates, and bulkhead slots
 * ({@code resilience4j.bulkhead.available.concurrent.calls}).
 */
@WorkerComponent
public class ExternalCallGuard {

    private static final Logger log = LoggerFactory.getLogger(ExternalCallGuard.class);

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
    private final Duration waitInOpenState;
    private final Clock clock;

    @Autowired
    public ExternalCallGuard(ResilienceProperties properties, ObjectProvider<MeterRegistry> meterRegistry) {
        this(properties, meterRegistry.getIfAvailable(), Clock.systemUTC());
    }

    /** For tests and tools: production settings or not, with the given registry (null: no metrics). */
    public ExternalCallGuard(ResilienceProperties properties, MeterRegistry meterRegistry) {
        this(properties, meterRegistry, Clock.systemUTC());
    }

    ExternalCallGuard(ResilienceProperties properties, MeterRegistry meterRegistry, Clock clock) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slowCallDurationThreshold(properties.slowCallDurationThreshold())
                .slowCallRateThreshold(properties.slowCallRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
                .recordException(ExternalCallFailures::isProviderFailure)
                .ignoreExceptions(BulkheadFullException.class)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.bulkheadMaxConcurrentCalls())
                .maxWaitDuration(properties.bulkheadMaxWait())
                .build());
        this.waitInOpenState = properties.waitDurationInOpenState();
        this.clock = clock;
        breakers.getEventPublisher().onEntryAdded(added -> {
            CircuitBreaker breaker = added.getAddedEntry();
            breaker.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    openedAt.put(breaker.getName(), clock.instant());
                }
                log.info("circuit breaker {}: {}", breaker.getName(), event.getStateTransition());
            });
        });
        if (meterRegistry != null) {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meterRegistry);
            TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meterRegistry);
        }
    }

    /** Calls a shared external system (AI, image API, notifications) behind its circuit breaker. */
    public <T> T call(String system, Supplier<T> call) {
        CircuitBreaker breaker = breaker(system);
        try {
            return breaker.executeSupplier(call);
        } catch (RuntimeException e) {
            throw ExternalCallFailures.toApplicationFailure(system, e, remainingOpenWait(breaker));
        }
    }

    /** Calls a channel behind its own bulkhead and circuit breaker, so one slow channel cannot starve the others. */
    public <T> T callIsolated(String system, Supplier<T> call) {
        Bulkhead bulkhead = bulkheads.bulkhead(system);
        return call(system, Bulkhead.decorateSupplier(bulkhead, call));
    }

    public CircuitBreaker.State state(String system) {
        return breaker(system).getState();
    }

    private CircuitBreaker breaker(String system) {
        return breakers.circuitBreaker(system);
    }

    /** How long the open breaker will still reject calls; Resilience4j does not expose this itself. */
    private Duration remainingOpenWait(CircuitBreaker breaker) {
        Instant opened = openedAt.get(breaker.getName());
        if (opened == null || breaker.getState() != CircuitBreaker.State.OPEN) {
            return waitInOpenState;
        }
        Duration remaining = waitInOpenState.minus(Duration.between(opened, clock.instant()));
        return remaining.isNegative() || remaining.isZero() ? Duration.ofSeconds(1) : remaining;
    }
}
