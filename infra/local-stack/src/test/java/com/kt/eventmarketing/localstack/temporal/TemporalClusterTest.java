package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Two Temporal nodes on one PostgreSQL: they find each other, split the history shards, serve workflows through
 * either frontend, and when one is killed (SIGKILL) the other takes all shards over and workflows keep running;
 * the killed node rejoins and gets its share back.
 */
class TemporalClusterTest {
    private static final Duration MEMBERSHIP_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void twoNodesShareTheShardsAndSurviveTheLossOfOne(@TempDir Path dir) {
        TemporalServerBinaries binaries = TemporalServerBinaries.locate().orElseThrow(() -> new AssertionError(
                "the Temporal server binaries are required: " + TemporalServerBinaries.INSTALL_HINT));
        try (PostgresServer postgres = PostgresServer.ephemeral();
             TemporalPostgresServer cluster = TemporalPostgresServer.start(binaries, postgres, 2, 0, Optional.empty(), dir)) {
            TemporalNode first = cluster.nodes().get(0);
            TemporalNode second = cluster.nodes().get(1);
            awaitShards(cluster, shards -> shards.get(0) > 0 && shards.get(1) > 0
                    && shards.get(0) + shards.get(1) == ServerConfigFile.HISTORY_SHARDS);

            try (TemporalProbe viaFirst = new TemporalProbe(first.ports().frontendTarget());
                 TemporalProbe viaSecond = new TemporalProbe(second.ports().frontendTarget())) {
                for (int i = 0; i < 4; i++) { // workflow ids hash to shards on both nodes
                    viaFirst.runWorkflow("first-" + i);
                    viaSecond.runWorkflow("second-" + i);
                }
            }

            second.kill();
            awaitShards(cluster, shards -> shards.get(0) == ServerConfigFile.HISTORY_SHARDS);
            try (TemporalProbe survivor = new TemporalProbe(first.ports().frontendTarget())) {
                for (int i = 0; i < 4; i++) {
                    survivor.runWorkflow("after-kill-" + i);
                }
            }

            second.start();
            awaitShards(cluster, shards -> shards.get(0) > 0 && shards.get(1) > 0);
            cluster.awaitReady();
        }
    }

    private static void awaitShards(TemporalPostgresServer cluster, Predicate<List<Integer>> condition) {
        long deadline = System.nanoTime() + MEMBERSHIP_TIMEOUT.toNanos();
        List<Integer> shards = List.of();
        while (System.nanoTime() < deadline) {
            shards = cluster.nodes().stream().map(TemporalNode::ownedShards).toList();
            if (condition.test(shards)) {
                return;
            }
            Ports.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("shards per node still " + shards + " after " + MEMBERSHIP_TIMEOUT);
    }
}
