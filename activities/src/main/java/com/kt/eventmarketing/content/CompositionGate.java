package com.kt.eventmarketing.content;

import com.kt.eventmarketing.shared.WorkerComponent;
import com.kt.eventmarketing.shared.resilience.Heartbeats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Lets only as many content activities compose posters at once as the process has cores. Composing and PNG-encoding
 * is pure CPU (≈ 40 ms of a core per 1080² poster), while the same activities also wait on the image API for seconds:
 * activity slots are sized for the waiting, this gate for the CPU. It is fair and an activity holds it for all its
 * posters, so with ten owners at once each owner's previews are finished in turn instead of all ten crawling to the
 * end together (the images step's median is what the owner feels).
 * <p>Metrics: {@value #WAIT_METRIC} (time waited for the gate), {@value #WAITING_METRIC} (activities waiting).
 */
@WorkerComponent
public class CompositionGate {
    static final String WAIT_METRIC = "kt.content.composition.wait";
    static final String WAITING_METRIC = "kt.content.composition.waiting";

    /**
     * @param compositionThreads content activities composing at once in this process; 0 = the available cores
     */
    @ConfigurationProperties("kt.content")
    public record Properties(@DefaultValue("0") int compositionThreads) {
        public Properties {
            if (compositionThreads < 0) {
                throw new IllegalArgumentException("kt.content.composition-threads must be 0 (the cores) or more, was "
                        + compositionThreads);
            }
        }

        int permits() {
            return compositionThreads == 0 ? Runtime.getRuntime().availableProcessors() : compositionThreads;
        }
    }

    private final Semaphore permits;
    private final Timer waited;

    @Autowired
    public CompositionGate(Properties properties, ObjectProvider<MeterRegistry> meters) {
        this(properties.permits(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    public CompositionGate(int permits, MeterRegistry meters) {
        if (permits < 1) {
            throw new IllegalArgumentException("a composition gate needs at least one permit, was " + permits);
        }
        this.permits = new Semaphore(permits, true);
        this.waited = Timer.builder(WAIT_METRIC).description("time content activities waited to compose posters")
                .register(meters);
        Gauge.builder(WAITING_METRIC, this.permits, Semaphore::getQueueLength)
                .description("content activities waiting to compose posters").register(meters);
    }

    /** Runs {@code work} holding one permit; heartbeats while it waits, so a long queue is not taken for a dead worker. */
    public <T> T compose(Supplier<T> work) {
        return compose(work, wait -> Heartbeats.during("waiting to compose", () -> {
            wait.run();
            return null;
        }));
    }

    /** As {@link #compose(Supplier)}, with {@code whileWaiting} running the wait (tests run it plainly). */
    <T> T compose(Supplier<T> work, Consumer<Runnable> whileWaiting) {
        long start = System.nanoTime();
        try {
            // the timed tryAcquire honours fairness (the untimed one would let a newcomer barge ahead of the queue)
            if (!permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                whileWaiting.accept(this::acquire);
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        waited.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while waiting to compose posters", e);
    }

    int available() {
        return permits.availablePermits();
    }
}
