package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.participation.WinnerDraw;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.SecureRandom;
import java.util.List;

/**
 * WinnerDraw over N entries, in process, as the gateway runs it: the snapshot as two primitive arrays (entry
 * numbers, tickets; every third entry a STORE_VISIT with +2 tickets, WEIGHTED), its SHA-256 snapshot hash, then
 * the draw. Peak heap = the sum of the heap pools' peak usage (reset after a full GC) minus the live heap before,
 * an upper bound (pools peak at different moments) that includes garbage not yet collected.
 */
public final class DrawBench {
    public record Run(int entries, int winners, double hashMillis, double drawMillis, double totalMillis, double peakHeapMb,
                      double liveArraysMb, String gc) {
    }

    private DrawBench() {
    }

    public static Run run(int entries, int winners) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);

        long t0 = System.nanoTime();
        long[] entryNumbers = new long[entries];
        int[] tickets = new int[entries];
        WinnerDraw.SnapshotHasher hasher = new WinnerDraw.SnapshotHasher();
        for (int i = 0; i < entries; i++) {
            entryNumbers[i] = i + 1L;
            tickets[i] = i % 3 == 0 ? 3 : 1;
            hasher.add(entryNumbers[i], tickets[i]);
        }
        byte[] snapshotHash = hasher.finish();
        long t1 = System.nanoTime();
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        int[] result = WinnerDraw.draw(seed, snapshotHash, tickets, winners);
        long t2 = System.nanoTime();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (result.length != winners || entryNumbers[result[0]] < 1) {
            throw new IllegalStateException("draw returned " + result.length + " winners");
        }
        double live = (entries * 8.0 + entries * 4.0 + (entries + 1) * 8.0 + winners * 4.0) / (1024 * 1024);
        String gc = String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList());
        return new Run(entries, winners, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6,
                Math.max(0, peak - before) / (1024.0 * 1024.0), live, gc);
    }

    /** Forked under a heap limit: exit code 0 proves the draw fits in it. Args: entries winners. */
    public static void main(String[] args) {
        Run r = run(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        System.out.printf("DRAW %d entries, %d winners: %.0f ms total, peak heap %.1f MB%n", r.entries(), r.winners(), r.totalMillis(), r.peakHeapMb());
    }

    /** Runs {@link #main} in a child JVM with {@code -Xmx<mb>m}; true when it finished. */
    public static boolean fitsIn(int heapMb, int entries, int winners) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx" + heapMb + "m", "-cp", System.getProperty("java.class.path"),
                DrawBench.class.getName(), Integer.toString(entries), Integer.toString(winners))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int code = p.waitFor();
        Bench.log("forked draw under -Xmx%dm: exit %d %s", heapMb, code, out.strip());
        return code == 0;
    }
}
