package com.kt.eventmarketing.bench;

/**
 * One fault-injection scenario: it breaks part of the stack under load and adds rows to the results whose "met"
 * says whether its promise held. {@code --only=} selects scenarios by {@link #name()}.
 */
interface FaultScenario {
    /** What it does, as the results table shows it. */
    String title();

    void run(FaultContext faults, String label) throws Exception;

    /** Temporal's own failures need the two-node cluster ({@code --temporal=cluster}); elsewhere they are skipped. */
    default boolean needsCluster() {
        return false;
    }

    default String name() {
        return getClass().getSimpleName();
    }
}
