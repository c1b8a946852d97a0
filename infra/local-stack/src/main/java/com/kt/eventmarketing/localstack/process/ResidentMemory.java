package com.kt.eventmarketing.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The resident size (VmRSS in {@code /proc/<pid>/status}) of every process of a stack: each named root with all
 * its descendants (PostgreSQL's backends, a JVM's helpers), so the total is what the stack really holds in memory.
 * Linux only; elsewhere every figure is 0.
 */
public final class ResidentMemory {
    private ResidentMemory() {
    }

    public record Usage(String name, long kib) {
    }

    /** One usage per root, in the given order; a root that is gone counts 0. */
    public static List<Usage> of(Map<String, Long> rootPids) {
        List<Usage> usages = new ArrayList<>();
        rootPids.forEach((name, pid) -> usages.add(new Usage(name, treeKib(pid))));
        return usages;
    }

    /** "name 123 MB, … ; total 1,234 MB", the line the launcher prints. */
    public static String summary(List<Usage> usages) {
        long total = usages.stream().mapToLong(Usage::kib).sum();
        return usages.stream().map(u -> u.name() + " " + megabytes(u.kib())).collect(Collectors.joining(", "))
                + "; total " + megabytes(total);
    }

    private static String megabytes(long kib) {
        return String.format("%,d MB", Math.round(kib / 1024.0));
    }

    static long treeKib(long pid) {
        long kib = kib(pid);
        for (ProcessHandle descendant : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
            kib += kib(descendant.pid());
        }
        return kib;
    }

    /** VmRSS of one process; 0 when it is gone or this is no Linux. */
    public static long kib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                }
            }
            return 0;
        } catch (IOException | NumberFormatException gone) {
            return 0;
        }
    }

    /**
     * The direct children of this JVM by name: the given ones by pid, the rest by executable (redis-server,
     * temporal, …), so a server started by a library is counted too.
     */
    public static Map<String, Long> childrenOfThisJvm(Map<Long, String> knownNames) {
        Map<String, Long> children = new LinkedHashMap<>();
        ProcessHandle.current().children().forEach(child -> {
            String name = knownNames.getOrDefault(child.pid(), child.info().command()
                    .map(command -> Path.of(command).getFileName().toString()).orElse("pid " + child.pid()));
            children.put(children.containsKey(name) ? name + " " + child.pid() : name, child.pid());
        });
        return children;
    }
}
