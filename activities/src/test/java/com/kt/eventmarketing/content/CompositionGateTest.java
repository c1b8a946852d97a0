package com.kt.eventmarketing.content;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompositionGateTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** The images step's median depends on this: owners are served in the order they came, one whole set at a time. */
    @Test
    void waitingActivitiesComposeInTheOrderTheyArrivedAndNeverMoreThanThePermitsAtOnce() throws Exception {
        CompositionGate gate = new CompositionGate(1, meters);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = threads.submit(() -> gate.compose(() -> {
                firstHolds.countDown();
                await(releaseFirst);
                order.add("first");
                return null;
            }, Runnable::run));
            assertThat(firstHolds.await(5, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> gate.compose(() -> order.add("second"), Runnable::run));
            awaitWaiting(1);
            Future<?> third = threads.submit(() -> gate.compose(() -> order.add("third"), Runnable::run));
            awaitWaiting(2);
            assertThat(gate.available()).isZero();
            assertThat(order).as("nobody composes while the permit is held").isEmpty();

            releaseFirst.countDown();
            for (Future<?> f : List.of(first, second, third)) {
                f.get(5, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(order).containsExactly("first", "second", "third");
        assertThat(gate.available()).isEqualTo(1);
        assertThat(meters.get(CompositionGate.WAIT_METRIC).timer().count()).isEqualTo(3);
    }

    @Test
    void aFailingCompositionGivesItsPermitBack() {
        CompositionGate gate = new CompositionGate(1, meters);
        assertThatThrownBy(() -> gate.compose(() -> {
            throw new IllegalStateException("broken art");
        }, Runnable::run)).hasMessage("broken art");
        assertThat(gate.available()).isEqualTo(1);
    }

    @Test
    void zeroThreadsMeansTheCoresAndNegativeIsRejected() {
        assertThat(new CompositionGate.Properties(0).permits()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new CompositionGate.Properties(3).permits()).isEqualTo(3);
        assertThatThrownBy(() -> new CompositionGate.Properties(-1)).hasMessageContaining("kt.content.composition-threads");
    }

    private void awaitWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (meters.get(CompositionGate.WAITING_METRIC).gauge().value() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(meters.get(CompositionGate.WAITING_METRIC).gauge().value()).isEqualTo(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
