package com.kt.eventmarketing.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The images step with {@code flows} events in it at once: every owner picks a recommendation at the same moment
 * (a barrier), and each flow runs from that PUT until GET /api/v1/events/{id} shows EDIT_CONTENT — the Update's
 * round trip, the three previews (sandbox image API, composition, PNG, blob store) and the step change.
 */
final class ImagesStep {
    /**
     * Each owner polls as the console does while images are made (once a second, progress.js). The step's end is
     * read from the workflow history instead ({@link ImagesStepTimeline}): polling every 25 ms, then every 100 ms,
     * for a finer end made 400 and 100 GET/s with a Temporal query each, a load no ten owners make, and took a core
     * from the very work being timed.
     */
    private static final long POLL_MILLIS = 1000;

    record Run(int flows, Stats seconds, List<String> failures, List<Flow> measured) {
    }

    /** One measured flow: its event, when the PUT was sent and when a GET first showed EDIT_CONTENT (epoch ms). */
    record Flow(long eventId, long putAtMillis, long seenAtMillis) {
    }

    private ImagesStep() {
    }

    static Run measure(Api api, List<String> ownerTokens, Duration timeout) throws Exception {
        int flows = ownerTokens.size();
        CyclicBarrier together = new CyclicBarrier(flows, () -> Bench.log("images step: %d owners pick a recommendation now", flows));
        Stats durations = new Stats();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Flow> measured = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(flows, Intake.named("bench-images-step"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String token : ownerTokens) {
                running.add(pool.submit(() -> {
                    long deadline = System.nanoTime() + timeout.toNanos();
                    long id = new FlowDriver(api, token, List.of("INSTAGRAM"), 100).create("NEW_CUSTOMERS", deadline);
                    boolean ready = id > 0 && awaitStep(api, token, id, "SELECT_RECOMMENDATION", deadline) > 0;
                    together.await();
                    if (!ready) {
                        failures.add("event " + id + " never reached SELECT_RECOMMENDATION");
                        return null;
                    }
                    long start = System.nanoTime();
                    long putAt = System.currentTimeMillis();
                    Api.Response picked = api.put("/api/v1/events/" + id + "/recommendation", token, Map.of("index", 0));
                    long seen = picked.ok() ? awaitStep(api, token, id, "EDIT_CONTENT", deadline) : -1;
                    if (seen < 0) {
                        failures.add("event " + id + ": " + (picked.ok() ? "no EDIT_CONTENT in time" : "PUT " + picked.status()));
                    } else {
                        durations.add(seen - start);
                        measured.add(new Flow(id, putAt, putAt + TimeUnit.NANOSECONDS.toMillis(seen - start)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            Bench.log("images step: %d of %d flows showed EDIT_CONTENT", durations.count(), flows);
        } finally {
            pool.shutdownNow();
        }
        return new Run(flows, durations, List.copyOf(failures), List.copyOf(measured));
    }

    /** The System.nanoTime() of the first poll that showed the step; -1 after the deadline. */
    private static long awaitStep(Api api, String token, long id, String step, long deadline) {
        while (System.nanoTime() < deadline) {
            Api.Response detail = api.get("/api/v1/events/" + id, token);
            if (detail.status() == 200 && step.equals(detail.json().path("step").asText())) {
                return System.nanoTime();
            }
            Bench.sleep(POLL_MILLIS);
        }
        return -1;
    }
}
