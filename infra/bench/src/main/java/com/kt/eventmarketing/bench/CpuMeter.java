package com.kt.eventmarketing.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU seconds of the load generator's own threads (by name) and of child processes (from /proc), over a window:
 * the load generator shares the 2 cores with what it measures, so its share is part of every figure.
 */
public final class CpuMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Predicate<String> threadNames;
    private final Map<Long, Long> startByThread = new HashMap<>();
    private final Map<Long, Long> lastByThread = new HashMap<>();
    private final Map<String, Long> processStart = new HashMap<>();
    private final Map<String, Long> processPids;
    private long wallStart;
    private long machineStart;

    public CpuMeter(Predicate<String> threadNames, Map<String, Long> processPids) {
        this.threadNames = threadNames;
        this.processPids = processPids;
    }

    /** The load generator's threads: ours are named bench-load-*, the JDK HTTP client's selector thread too. */
    public static CpuMeter loadGenerator(Map<String, Long> processPids) {
        return new CpuMeter(n -> n.startsWith("bench-load") || n.contains("SelectorManager"), processPids);
    }

    public synchronized CpuMeter start() {
        wallStart = System.nanoTime();
        startByThread.clear();
        sample(startByThread);
        processPids.forEach((name, pid) -> processStart.put(name, processCpuNanos(pid)));
        machineStart = machineBusyNanos();
        return this;
    }

    /** Samples thread CPU now (call it while the pool is still alive, e.g. just before the load stops). */
    public synchronized void sample() {
        sample(lastByThread);
    }

    private void sample(Map<Long, Long> into) {
        if (!THREADS.isThreadCpuTimeSupported()) {
            return;
        }
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && threadNames.test(info.getThreadName())) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    into.put(info.getThreadId(), cpu);
                }
            }
        }
    }

    /** Cores used (CPU seconds per wall second) by the load generator and by each process since {@link #start()}. */
    public synchronized Map<String, Double> stop() {
        sample(lastByThread);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        long used = 0;
        for (Map.Entry<Long, Long> e : lastByThread.entrySet()) {
            used += e.getValue() - startByThread.getOrDefault(e.getKey(), 0L);
        }
        Map<String, Double> cores = new java.util.LinkedHashMap<>();
        cores.put("loadGenerator", used / 1e9 / wall);
        processPids.forEach((name, pid) -> {
            long now = processCpuNanos(pid);
            Long before = processStart.get(name);
            if (now >= 0 && before != null && before >= 0) {
                cores.put(name, (now - before) / 1e9 / wall);
            }
        });
        long machine = machineBusyNanos();
        if (machine >= 0 && machineStart >= 0) {
            cores.put("machine", (machine - machineStart) / 1e9 / wall);
        }
        lastByThread.clear();
        return cores;
    }

    /** Busy time of all cores (user, nice, system, irq, softirq, steal) from /proc/stat; -1 if unknown. */
    static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return ticks * 10_000_000L;
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * utime + stime of a process and its live descendants (PostgreSQL's backends are children of the postmaster)
     * from /proc/&lt;pid&gt;/stat (clock ticks, 100 per second on Linux); -1 if unknown.
     */
    static long processCpuNanos(long pid) {
        long own = ownCpuNanos(pid);
        if (own < 0 || pid == ProcessHandle.current().pid()) {
            return own; // every server of the stack descends from the harness: count only its own threads
        }
        return own + ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(child -> Math.max(0, ownCpuNanos(child.pid()))).sum();
    }

    private static long ownCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        } catch (Exception e) {
            return -1;
        }
    }

    public static String describe(Map<String, Double> cores) {
        StringBuilder s = new StringBuilder();
        cores.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format("%.2f", v)).append(" cores"));
        return s.toString();
    }
}
