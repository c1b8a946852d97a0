package com.kt.eventmarketing.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Retrying participation load on a fresh ACTIVE event while a fault runs, checked in PostgreSQL afterwards: the
 * scenarios that break the intake's path (gateway, Redis, Kafka) share it.
 */
record ParticipationUnderFault(long eventId, Intake.Result result, Checks.EntryCheck check) {

    static ParticipationUnderFault run(FaultContext faults, Duration duration, Runnable fault) throws Exception {
        long event = activeEvent(faults);
        CompletableFuture<Intake.Result> load = CompletableFuture.supplyAsync(() -> {
            try {
                return Intake.run(faults.stack.api.url(), Intake.Config.closedLoop("/api/v1/public/events/" + event + "/participations",
                        16, duration, 200_000).retrying(), Map.of());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        fault.run();
        Intake.Result r = load.get(10, TimeUnit.MINUTES);
        try (Connection db = faults.stack.db()) {
            return new ParticipationUnderFault(event, r, Checks.entries(db, event, r.accepted));
        }
    }

    private static long activeEvent(FaultContext faults) {
        FlowDriver d = new FlowDriver(faults.api, faults.tokens.get(0), FlowDriver.ALL_CHANNELS, 200);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        long id = d.create("NEW_CUSTOMERS", deadline);
        FlowDriver.Outcome o = d.drive(id, "ACTIVE", deadline);
        if (!o.reached()) {
            throw new IllegalStateException("no ACTIVE event for the participation scenario: " + o);
        }
        return id;
    }

    /** Every entry sent was answered and is in the database exactly once, and the scenario's own check held. */
    void addRow(Results results, String label, String events, boolean extraOk, String extra) {
        boolean everyoneAnswered = result.acceptedCount() == result.sent.get();
        boolean ok = check.exactlyOnce() && check.unacknowledged() == 0 && everyoneAnswered && extraOk;
        results.add(label, result.sent.get() + " entries sent, " + result.acceptedCount() + " accepted (" + result.statusSummary() + ", "
                        + result.attempts.get() + " attempts, " + result.replays.get() + " replays); " + check.lost() + " lost, "
                        + check.duplicatedAnswers() + " duplicated",
                null, null, "every entry exactly once", ok, events + "; " + check.describe() + (extra == null ? "" : "; " + extra));
    }
}
