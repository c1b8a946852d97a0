package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.postgres.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The server mode: the Temporal server itself (not the CLI's dev server) on our PostgreSQL, as one node or a
 * cluster of several. Each node runs every service; nodes find each other through the database and share the
 * history shards. Clients talk to the first node's frontend (a real deployment puts a load balancer in front
 * of all frontends). Logs of the nodes, the UI and the schema tool go to files under the data directory and
 * are quoted when a start fails.
 */
public final class TemporalPostgresServer implements TemporalServer {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path root;
    private final PostgresServer postgres;
    private final List<TemporalNode> nodes;
    private TemporalUiServer ui;
    private final Optional<Integer> uiPort;

    private TemporalPostgresServer(Path root, PostgresServer postgres, List<TemporalNode> nodes, Optional<Integer> uiPort) {
        this.root = root;
        this.postgres = postgres;
        this.nodes = nodes;
        this.uiPort = uiPort;
    }

    /**
     * @param nodeCount    1 for the server mode, 2 for the cluster
     * @param frontendPort the first node's frontend port, 0 for a free one
     * @param uiPort       Web UI port, empty for none
     * @param root         configs and logs (the data itself lives in PostgreSQL)
     */
    public static TemporalPostgresServer start(TemporalServerBinaries binaries, PostgresServer postgres, int nodeCount,
                                               int frontendPort, Optional<Integer> uiPort, Path root) {
        if (frontendPort > 0) {
            Ports.requireFree(frontendPort, "Temporal");
        }
        try {
            Files.createDirectories(root);
            Path dynamicConfig = Files.write(root.resolve("dynamicconfig.yaml"), TemporalSettings.dynamicConfig());
            TemporalSchema.ensure(binaries, postgres, root.resolve("sql-tool.log"));
            List<TemporalNode> nodes = new ArrayList<>();
            String clusterFrontend = null;
            for (int i = 1; i <= nodeCount; i++) {
                NodePorts ports = NodePorts.free(i == 1 ? frontendPort : 0);
                clusterFrontend = clusterFrontend == null ? ports.frontendTarget() : clusterFrontend;
                String name = "node" + i;
                ServerConfigFile.write(root, name, ports, clusterFrontend, postgres, dynamicConfig);
                nodes.add(new TemporalNode(name, binaries.server(), root, ports));
            }
            TemporalPostgresServer server = new TemporalPostgresServer(root, postgres, nodes, uiPort);
            server.startNodes();
            uiPort.ifPresent(port -> server.ui = TemporalUiServer.start(binaries.uiServer(), root, server.target(), port));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first node alone first: on a fresh database every node would write the initial cluster metadata and all
     * but one die on the duplicate key. Once its frontend takes the namespace, the others join.
     */
    private void startNodes() {
        try {
            forgetStoppedMembers();
            nodes.get(0).start();
            NamespaceSetup.register(target(), START_TIMEOUT, this::failureReport);
            nodes.subList(1, nodes.size()).forEach(TemporalNode::start);
            awaitReady();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Called only while none of our nodes runs. A node's membership rows outlive it: a node started within 20 s of
     * a stop (a restart, the next test on the same database) takes the stopped nodes' addresses for live peers,
     * ringpop tries to join them, and the node exits with "failed to start ringpop ... join duration exceeded" about a
     * minute later — after its frontend had already answered (seen in CI, 2026-11-30).
     */
    private void forgetStoppedMembers() {
        try (Connection connection = postgres.database(TemporalSchema.USER, TemporalSchema.DATABASE).getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from cluster_membership");
        } catch (SQLException e) {
            throw new IllegalStateException("could not clear Temporal's cluster membership: " + e.getMessage(), e);
        }
    }

    /** Every node's frontend can run our queries (namespace and search attributes known to it). */
    public void awaitReady() {
        for (TemporalNode node : nodes) {
            NamespaceSetup.awaitUsable(node.ports().frontendTarget(), START_TIMEOUT, this::failureReport);
        }
    }

    public List<TemporalNode> nodes() {
        return nodes;
    }

    /** Fault injection: every node down (SIGTERM), data kept; {@link #startAll()} brings them back. */
    public void stopAll() {
        nodes.forEach(TemporalNode::stop);
    }

    public void startAll() {
        forgetStoppedMembers();
        nodes.forEach(TemporalNode::start); // the cluster metadata exists by now: no first-start race
        awaitReady();
    }

    private String failureReport() {
        return nodes.stream().map(TemporalNode::failureReport).collect(Collectors.joining("\n"));
    }

    @Override
    public String target() {
        return nodes.get(0).ports().frontendTarget();
    }

    @Override
    public Optional<String> webUiUrl() {
        return uiPort.map(port -> "http://" + Ports.LOOPBACK + ":" + port);
    }

    @Override
    public String description() {
        return "Temporal server " + TemporalServerBinaries.VERSION + " on PostgreSQL, " + nodes.size()
                + (nodes.size() == 1 ? " node" : " nodes") + " (logs in " + root + ")";
    }

    @Override
    public void close() {
        if (ui != null) {
            ui.close();
        }
        // reverse order: the first node, whose frontend the clients use, goes last
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).stop();
        }
    }
}
