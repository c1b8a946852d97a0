package com.kt.eventmarketing.localstack.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output (stdout and stderr merged) is copied to our stdout line by line with a
 * {@code [name]} prefix, so the interleaved logs of several servers and apps stay readable, or, for chatty
 * servers, appended to a log file whose tail a failure message can quote ({@link #startLoggingTo}).
 */
public final class ChildProcess implements AutoCloseable {
    private static final int PREFIX_WIDTH = 12;

    private static final int RECENT_LINES = 20;

    private final String name;
    private final Process process;
    /** The last lines it printed, so a failed start can say why (e.g. "address already in use"). */
    private final Deque<String> recentOutput = new ArrayDeque<>();

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> extraEnvironment, Path workingDirectory) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(extraEnvironment);
        try {
            ChildProcess child = new ChildProcess(name, builder.start());
            child.copyOutput();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** Output to {@code logFile} (appended: a restarted server's log continues), not to our stdout. */
    public static ChildProcess startLoggingTo(String name, List<String> command, Path logFile) {
        return startLoggingTo(name, command, Map.of(), logFile);
    }

    /** As above, with variables added to our environment. */
    public static ChildProcess startLoggingTo(String name, List<String> command, Map<String, String> extraEnvironment, Path logFile) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(extraEnvironment);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            return new ChildProcess(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** The last {@code count} lines of a log file, each cut at 400 characters (JSON logs carry whole stack traces). */
    public static String tail(Path logFile, int count) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()).stream()
                    .map(line -> line.length() > 400 ? line.substring(0, 400) + " …" : line).toList());
        } catch (IOException e) {
            return "(no log at " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private void copyOutput() {
        String prefix = String.format("%-" + PREFIX_WIDTH + "s ", "[" + name + "]");
        Thread pump = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println(prefix + line);
                    synchronized (recentOutput) {
                        recentOutput.addLast(line);
                        if (recentOutput.size() > RECENT_LINES) {
                            recentOutput.removeFirst();
                        }
                    }
                }
            } catch (IOException streamClosed) {
                // the process is gone; nothing more to copy
            }
        }, "output-" + name);
        pump.setDaemon(true);
        pump.start();
    }

    /** Its last lines of output; empty for {@link #startLoggingTo} (see the log file). */
    public String recentOutput() {
        synchronized (recentOutput) {
            return String.join(System.lineSeparator(), recentOutput);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** Fault injection: SIGKILL, no shutdown at all, like a crashed machine's process. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether it ended within {@code timeout} */
    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Asks politely (SIGTERM, so Spring Boot and Temporal shut down cleanly), then forces after {@code grace}. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.println("[" + name + "] did not stop within " + grace + "; killing it");
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
