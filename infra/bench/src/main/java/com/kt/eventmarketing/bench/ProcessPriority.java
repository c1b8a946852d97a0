package com.kt.eventmarketing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lowers the CPU priority of running processes (Linux): every thread, since the kernel's niceness belongs to a
 * thread and {@code renice -p <pid>} alone would leave the threads a JVM or a Go runtime already started at the old
 * priority (threads started later inherit it from the thread that starts them).
 */
final class ProcessPriority {
    private ProcessPriority() {
    }

    /** Sets every thread of {@code pid} to {@code niceness}; returns how many threads were changed. */
    static int lower(long pid, int niceness) {
        List<String> threads = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> threads.add(task.getFileName().toString()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the threads of process " + pid + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(niceness), "-p"));
        command.addAll(threads);
        try {
            Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(renice.getInputStream().readAllBytes());
            if (renice.waitFor() != 0) {
                throw new IllegalStateException("renice of process " + pid + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("renice is needed to lower process priorities: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while lowering the priority of " + pid, e);
        }
        return threads.size();
    }

    /** The niceness of one thread of {@code pid}, from /proc. */
    static int niceness(long pid, long thread) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", Long.toString(thread), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
