package com.kt.eventmarketing.localstack;

import java.util.ArrayDeque;
import java.util.Deque;

/** Remembers what was started and closes it in reverse order, once, whoever asks first (Ctrl-C or a failure). */
final class ShutdownStack {
    private final Deque<Named> started = new ArrayDeque<>();

    private record Named(String name, AutoCloseable resource) {
    }

    synchronized <T extends AutoCloseable> T push(String name, T resource) {
        started.push(new Named(name, resource));
        return resource;
    }

    synchronized void closeAll() {
        while (!started.isEmpty()) {
            Named next = started.pop();
            System.out.println("stopping " + next.name());
            try {
                next.resource().close();
            } catch (Exception e) {
                System.err.println("could not stop " + next.name() + ": " + e);
            }
        }
    }
}
