package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one node's server configuration ({@code <dir>/config/<node>.yaml}, read with {@code --root <dir>
 * --config config --env <node>}), shaped like Temporal's {@code development-postgres12.yaml}: PostgreSQL for
 * both stores, every service of the node bound to 127.0.0.1, membership found through the database (nodes
 * register in {@code cluster_membership}, so a second node needs no seed list), and the shared dynamic config.
 */
final class ServerConfigFile {
    /**
     * Fixed when the database is first set up and the same on every node. Shards go to nodes by consistent
     * hashing of random addresses: with the 4 of Temporal's development configs both nodes' shards landed on one
     * node in our first cluster run; with 16 an empty node is a one-in-thousands event, and each idle shard costs
     * little (production uses 512 and more).
     */
    static final int HISTORY_SHARDS = 16;

    private ServerConfigFile() {
    }

    /** @param clusterFrontend the frontend named in the cluster metadata (the first node's) */
    static void write(Path root, String node, NodePorts ports, String clusterFrontend, PostgresServer postgres,
                      Path dynamicConfig) {
        String database = Ports.LOOPBACK + ":" + postgres.port();
        String yaml = """
                log:
                  stdout: true
                  level: warn
                persistence:
                  defaultStore: postgres-default
                  visibilityStore: postgres-visibility
                  numHistoryShards: %d
                  datastores:
                    postgres-default:
                      sql: { pluginName: postgres12, databaseName: %s, connectAddr: "%s", connectProtocol: tcp,
                             user: %s, password: %s, maxConns: 20, maxIdleConns: 20, maxConnLifetime: 1h }
                    postgres-visibility:
                      sql: { pluginName: postgres12, databaseName: %s, connectAddr: "%s", connectProtocol: tcp,
                             user: %s, password: %s, maxConns: 10, maxIdleConns: 10, maxConnLifetime: 1h }
                global:
                  membership:
                    maxJoinDuration: 30s
                    broadcastAddress: "%s"
                  metrics:
                    prometheus:
                      framework: tally
                      timerType: histogram
                      listenAddress: "%s:%d"
                services:
                  frontend:
                    rpc: { grpcPort: %d, membershipPort: %d, httpPort: %d, bindOnIP: "%s" }
                  history:
                    rpc: { grpcPort: %d, membershipPort: %d, bindOnIP: "%s" }
                  matching:
                    rpc: { grpcPort: %d, membershipPort: %d, bindOnIP: "%s" }
                  worker:
                    rpc: { grpcPort: %d, membershipPort: %d, bindOnIP: "%s" }
                clusterMetadata:
                  enableGlobalNamespace: false
                  failoverVersionIncrement: 10
                  masterClusterName: active
                  currentClusterName: active
                  clusterInformation:
                    active: { enabled: true, initialFailoverVersion: 1, rpcName: frontend, rpcAddress: "%s" }
                dcRedirectionPolicy:
                  policy: noop
                archival:
                  history: { state: disabled }
                  visibility: { state: disabled }
                namespaceDefaults:
                  archival:
                    history: { state: disabled }
                    visibility: { state: disabled }
                publicClient:
                  hostPort: "%s"
                dynamicConfigClient:
                  filepath: "%s"
                  pollInterval: 10s
                """.formatted(HISTORY_SHARDS,
                TemporalSchema.DATABASE, database, TemporalSchema.USER, TemporalSchema.PASSWORD,
                TemporalSchema.VISIBILITY_DATABASE, database, TemporalSchema.USER, TemporalSchema.PASSWORD,
                Ports.LOOPBACK, Ports.LOOPBACK, ports.metrics(),
                ports.frontend(), ports.frontendMembership(), ports.frontendHttp(), Ports.LOOPBACK,
                ports.history(), ports.historyMembership(), Ports.LOOPBACK,
                ports.matching(), ports.matchingMembership(), Ports.LOOPBACK,
                ports.worker(), ports.workerMembership(), Ports.LOOPBACK,
                clusterFrontend, ports.frontendTarget(), dynamicConfig.toAbsolutePath());
        try {
            Path config = Files.createDirectories(root.resolve("config"));
            Files.writeString(config.resolve(node + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
