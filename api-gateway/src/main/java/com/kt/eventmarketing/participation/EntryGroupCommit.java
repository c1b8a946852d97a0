package com.kt.eventmarketing.participation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit of customer entries. Request threads hand their entry to a few writer threads; each writer takes every
 * entry waiting (up to {@code kt.participation.group-commit-max-entries}) and writes them in one transaction with
 * one statement per table ({@link EntryWrites}). Under load many entries share the statements, round trips and
 * commit that each paid for alone; an entry that arrives alone waits only for the hand-over. When a shared
 * transaction fails, each of its entries is written again alone on its own request thread, so one entry's failure
 * never becomes another's. Before a group's entries are answered, Redis learns about all of them in one round trip
 * ({@link IntakeFastPath#rememberAll}), so an entry's retry after its answer is caught there.
 */
@Component
public class EntryGroupCommit implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(EntryGroupCommit.class);
    private static final int QUEUE_CAPACITY = 10_000;

    private final EntryWrites writes;
    private final TransactionTemplate tx;
    private final IntakeFastPath fastPath;
    private final int maxEntries;
    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final ExecutorService writers;
    private final DistributionSummary entriesPerTransaction;
    private final Counter sharedFailures;
    private volatile boolean stopping;

    private record Pending(EntryWrites.Entry entry, IntakeFastPath.Memo memo, CompletableFuture<EntryWrites.Result> result) {
    }

    /** The shared transaction failed: the entry is written again alone. */
    private static final class SharedTransactionFailed extends RuntimeException {
        SharedTransactionFailed(Throwable cause) {
            super(cause);
        }
    }

    public EntryGroupCommit(EntryWrites writes, TransactionTemplate tx, IntakeFastPath fastPath, ParticipationProperties properties,
                            MeterRegistry meters) {
        if (properties.groupCommitMaxEntries() < 1 || properties.groupCommitWriters() < 1) {
            throw new IllegalStateException("kt.participation.group-commit-max-entries and group-commit-writers must be at least 1");
        }
        this.writes = writes;
        this.tx = tx;
        this.fastPath = fastPath;
        this.maxEntries = properties.groupCommitMaxEntries();
        this.entriesPerTransaction = DistributionSummary.builder("kt.participation.group.commit.entries")
                .description("entries written per transaction").register(meters);
        this.sharedFailures = meters.counter("kt.participation.group.commit.failures");
        AtomicInteger n = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(properties.groupCommitWriters(), task -> {
            Thread thread = new Thread(task, "entry-writer-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < properties.groupCommitWriters(); i++) {
            writers.execute(this::writeWhileRunning);
        }
    }

    /**
     * Writes the entry, with whatever other entries are waiting at the moment; returns when it has committed and Redis
     * has been told what the memo says.
     */
    public EntryWrites.Result write(EntryWrites.Entry entry, IntakeFastPath.Memo memo) {
        Pending pending = new Pending(entry, memo, new CompletableFuture<>());
        if (stopping || !waiting.offer(pending)) {
            return alone(pending);
        }
        try {
            while (true) {
                try {
                    return pending.result().get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    if (stopping && waiting.remove(pending)) {
                        return alone(pending); // offered while the writers were stopping
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SharedTransactionFailed) {
                return alone(pending);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the entry was being written", e);
        }
    }

    /** Writes a group of entries in one transaction; each entry's own result, in order (tests use it directly). */
    List<EntryWrites.Result> writeTogether(List<EntryWrites.Entry> entries) {
        List<EntryWrites.Result> results = tx.execute(status -> writes.write(entries));
        entriesPerTransaction.record(entries.size());
        return results;
    }

    private EntryWrites.Result alone(Pending pending) {
        EntryWrites.Result result = writeTogether(List.of(pending.entry())).get(0);
        fastPath.rememberAll(List.of(pending.memo()), List.of(result));
        return result;
    }

    private void writeWhileRunning() {
        List<Pending> group = new ArrayList<>(maxEntries);
        while (!stopping) {
            try {
                Pending first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, maxEntries - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        List<EntryWrites.Result> results;
        try {
            results = writeTogether(group.stream().map(Pending::entry).toList());
        } catch (Throwable t) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(t); // alone already: its own failure
                return;
            }
            sharedFailures.increment();
            log.warn("a group commit of {} entries failed ({}); each is written again alone", group.size(), t.toString());
            group.forEach(p -> p.result().completeExceptionally(new SharedTransactionFailed(t)));
            return;
        }
        // committed: whatever happens to Redis now, each entry gets its answer, never a second write
        try {
            fastPath.rememberAll(group.stream().map(Pending::memo).toList(), results);
        } finally {
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(results.get(i));
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        writers.shutdown();
        if (!writers.awaitTermination(10, TimeUnit.SECONDS)) {
            writers.shutdownNow();
        }
        List<Pending> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(p -> p.result().completeExceptionally(new SharedTransactionFailed(null)));
    }
}
