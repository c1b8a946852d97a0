package com.kt.eventmarketing.localstack.apps;

import com.kt.eventmarketing.localstack.Ports;
import com.kt.eventmarketing.localstack.process.ChildProcess;
import com.kt.eventmarketing.localstack.process.PortFile;
import com.kt.eventmarketing.localstack.process.SpringBootApp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An application JVM of a stack from this repository, started from its exec jar with the servers' environment. It
 * reports the ports it bound through its {@link PortFile}, so a stack can ask for port 0 and never lose a port
 * between picking and binding. Its output goes to our stdout, prefixed with its name, or to a log file.
 */
public final class StackApp implements AutoCloseable {
    private final AppDefinition definition;
    private final ChildProcess process;
    private final PortFile portFile;
    private final Path logFile;

    private StackApp(AppDefinition definition, ChildProcess process, PortFile portFile, Path logFile) {
        this.definition = definition;
        this.process = process;
        this.portFile = portFile;
        this.logFile = logFile;
    }

    /**
     * @param portDirectory where its port file goes (one per app name)
     * @param logFile       null: output to our stdout
     */
    public static StackApp start(AppDefinition app, List<String> jvmOptions, Map<String, String> environment,
                                 Path portDirectory, Path logFile) {
        SpringBootApp.requireJar(app.name(), app.jar());
        PortFile portFile = PortFile.in(portDirectory, app.name());
        portFile.clear();
        Map<String, String> env = new HashMap<>(environment);
        env.put(PortFile.ENVIRONMENT_VARIABLE, portFile.file().toString());
        ChildProcess process = logFile == null
                ? SpringBootApp.start(app.name(), app.jar(), jvmOptions, app.commandLine(), env)
                : SpringBootApp.startLoggingTo(app.name(), app.jar(), jvmOptions, app.commandLine(), env, logFile);
        return new StackApp(app, process, portFile, logFile);
    }

    public AppDefinition definition() {
        return definition;
    }

    public ChildProcess process() {
        return process;
    }

    /** Its ports once it listens; fails early when it exited, or after {@code timeout}. */
    public PortFile.BoundPorts ports(Duration timeout) {
        return portFile.await(definition.name(), definition.separateManagement(), process::isAlive, timeout);
    }

    public String url(Duration timeout) {
        return Ports.loopbackUrl(ports(timeout).http());
    }

    public String managementUrl(Duration timeout) {
        return Ports.loopbackUrl(ports(timeout).management());
    }

    /** {@code UP}, {@code DOWN (503)}, {@code not answering}, {@code EXITED (code n)}: for a status table. */
    public String health() {
        if (!process.isAlive()) {
            return "EXITED (code " + process.exitValue() + ")";
        }
        try {
            return HealthProbe.status(managementUrl(Duration.ZERO));
        } catch (IllegalStateException notListeningYet) {
            return "not answering";
        }
    }

    /** Waits for health UP; a failure names what it printed last. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = health();
        while (!status.equals("UP")) {
            if (status.startsWith("EXITED") || System.nanoTime() > deadline) {
                throw new IllegalStateException(definition.name() + " is " + status + " after " + timeout + "; its last output:\n"
                        + (logFile == null ? process.recentOutput() : ChildProcess.tail(logFile, 30)));
            }
            Ports.sleep(Duration.ofMillis(250));
            status = health();
        }
    }

    public void stop(Duration grace) {
        process.stop(grace);
    }

    @Override
    public void close() {
        process.close();
    }
}
