package com.kt.eventmarketing.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * Where a Spring Boot application of ours reports the ports it bound: the parent names a file in
 * {@value #ENVIRONMENT_VARIABLE}, Spring Boot's {@code WebServerPortFileWriter} writes the HTTP port there once the
 * server listens, and a separate management server's port next to it ({@code name-management.port}). So the
 * applications can bind port 0, and nothing can take a port between a parent's pick and the child's bind.
 */
public record PortFile(Path file) {
    public static final String ENVIRONMENT_VARIABLE = "KT_PORT_FILE";

    public static PortFile in(Path directory, String name) {
        return new PortFile(directory.resolve(name + ".port").toAbsolutePath());
    }

    public Path managementFile() {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".port".length()) + "-management.port");
    }

    /** Before a (re)start: a port file left by the previous run must not be mistaken for the new one. */
    public void clear() {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.deleteIfExists(managementFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the HTTP port (and the management port when {@code management}); fails early when the process died. */
    public BoundPorts await(String name, boolean management, BooleanSupplier alive, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            OptionalInt port = read(file);
            OptionalInt managementPort = management ? read(managementFile()) : port;
            if (port.isPresent() && managementPort.isPresent()) {
                return new BoundPorts(port.getAsInt(), managementPort.getAsInt());
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(name + " exited before it listened");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not report its port in " + file + " within " + timeout);
            }
            sleep();
        }
    }

    /** Empty while missing or half written (the writer is no atomic rename). */
    private static OptionalInt read(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text));
        } catch (IOException | NumberFormatException notYet) {
            return OptionalInt.empty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a port file", e);
        }
    }

    /** @param management where the actuator answers: its own port, or {@code http} when it shares the server */
    public record BoundPorts(int http, int management) {
    }
}
