package com.kt.eventmarketing.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/** Port helpers shared by the server starters. Everything binds to 127.0.0.1 only. */
public final class Ports {
    public static final String LOOPBACK = "127.0.0.1";
    private static final int START_ATTEMPTS = 5;

    private Ports() {
    }

    /** A port that was free a moment ago; good enough for single-user test and dev machines. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
    }

    /**
     * {@code count} distinct free ports between 10000 and 32767, each held open until all are picked so no two
     * coincide. Below 32768 because Temporal keeps its services' ports in a {@code smallint} column
     * ({@code cluster_membership.rpc_port} on PostgreSQL): {@link #freePort()} answers from Linux's ephemeral range
     * (32768–60999) and a node started on such a port dies on its first membership heartbeat. Also clear of that
     * range, so the ports are not handed out to outgoing connections meanwhile.
     */
    public static int[] freeLowPorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            int candidate = 10_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000);
            for (int found = 0; found < count; candidate++) {
                if (candidate > 32_767) {
                    candidate = 10_000;
                }
                try {
                    ServerSocket socket = new ServerSocket(candidate, 1, java.net.InetAddress.getByName(LOOPBACK));
                    held.add(socket);
                    ports[found++] = candidate;
                } catch (IOException inUse) {
                    // taken: try the next one
                }
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket we own does not fail in practice; nothing to do if it did
                }
            }
        }
    }

    /**
     * Starts a server that cannot bind port 0 itself on a port from {@code candidates}, again on the next one when
     * something else took the port between the pick and the bind (the start failed and the port cannot be bound now, or
     * the failure says the address is in use). Any other failure is thrown at once.
     */
    public static <T> T startOnFreePort(String what, IntSupplier candidates, IntFunction<T> start) {
        RuntimeException clash = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = candidates.getAsInt();
            try {
                return start.apply(port);
            } catch (RuntimeException e) {
                if (canBind(port) && !saysAddressInUse(e)) {
                    throw e;
                }
                System.out.println(what + ": port " + port + " was taken meanwhile, trying another (" + e.getMessage() + ")");
                clash = e;
            }
        }
        throw new IllegalStateException(what + " found its port taken " + START_ATTEMPTS + " times in a row", clash);
    }

    public static <T> T startOnFreePort(String what, IntFunction<T> start) {
        return startOnFreePort(what, Ports::freePort, start);
    }

    /** Whether a listener could bind it now: false while anything holds it, listening or merely bound. */
    static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean saysAddressInUse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("already in use") || message.contains("address in use")) {
                return true;
            }
        }
        return false;
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails fast with a readable message instead of a bind error deep inside a server's log (PostgreSQL would wait a
     * minute for itself before giving up). Also a port that something holds without listening on it yet.
     */
    public static void requireFree(int port, String what) {
        if (isOpen(port) || !canBind(port)) {
            throw new IllegalStateException(what + " port " + port + " on " + LOOPBACK
                    + " is already in use (another local stack running?)");
        }
    }

    public static void awaitOpen(int port, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isOpen(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not open port " + port + " within " + timeout);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    public static String loopbackUrl(int port) {
        return "http://" + LOOPBACK + ":" + port;
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
