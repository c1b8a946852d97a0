package com.kt.eventmarketing.localstack.temporal;

import com.kt.eventmarketing.localstack.process.ChildProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One {@code temporal-server} process running all four services (frontend, history, matching, worker) from
 * its generated config file; its output goes to {@code <root>/<name>.log}. Can be stopped, killed and started
 * again on the same ports, as the fault scenarios need.
 */
public final class TemporalNode {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path binary;
    private final Path root;
    private final NodePorts ports;
    private volatile ChildProcess process;

    TemporalNode(String name, Path binary, Path root, NodePorts ports) {
        this.name = name;
        this.binary = binary;
        this.root = root;
        this.ports = ports;
    }

    public synchronized void start() {
        // --allow-no-auth: no authorizer is configured, on loopback only, like the dev server
        process = ChildProcess.startLoggingTo(name, List.of(binary.toString(), "--root", root.toString(),
                "--config", "config", "--env", name, "--allow-no-auth", "start"), logFile());
    }

    public String name() {
        return name;
    }

    public NodePorts ports() {
        return ports;
    }

    public Path logFile() {
        return root.resolve(name + ".log");
    }

    public boolean isAlive() {
        ChildProcess current = process;
        return current != null && current.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Fault injection: SIGKILL — the node's shards move to the other node once membership notices. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** SIGTERM: the node leaves membership and hands its shards over before it exits. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    /** How many history shards this node owns now (its {@code numshards_gauge}); 0 while it has none or is down. */
    public int ownedShards() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.metrics() + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines()
                    .filter(line -> line.startsWith("numshards_gauge"))
                    .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .max().orElse(0);
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String failureReport() {
        return name + (isAlive() ? " is running" : " exited") + "; " + logFile() + " ends with:\n"
                + ChildProcess.tail(logFile(), 30);
    }
}
