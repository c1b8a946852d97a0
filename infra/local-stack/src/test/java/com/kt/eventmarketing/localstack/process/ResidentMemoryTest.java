package com.kt.eventmarketing.localstack.process;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentMemoryTest {

    @Test
    void aProcessCountsWithItsChildrenAndTheSummaryTotalsEveryOne() throws Exception {
        // a shell whose child sleeps: like the postmaster with its backends
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
        try {
            long child = awaitChild(shell);
            long thisJvm = ProcessHandle.current().pid();
            Map<String, Long> roots = new LinkedHashMap<>();
            roots.put("shell", shell.pid());

            List<ResidentMemory.Usage> usages = new java.util.ArrayList<>(ResidentMemory.of(roots));
            usages.add(new ResidentMemory.Usage("test JVM", ResidentMemory.kib(thisJvm)));

            assertThat(usages.get(0).kib()).isEqualTo(vmRss(shell.pid()) + vmRss(child));
            assertThat(usages.get(1).kib()).isGreaterThan(10_000); // a JVM holds tens of MB at least
            long totalMb = Math.round((usages.get(0).kib() + usages.get(1).kib()) / 1024.0);
            assertThat(ResidentMemory.summary(usages)).startsWith("shell ").contains(", test JVM ")
                    .endsWith("; total " + String.format("%,d MB", totalMb));
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly().waitFor();
        }
    }

    /** Until the child runs sleep: between fork and exec its resident size is still changing. */
    private static long awaitChild(Process shell) throws Exception {
        for (int i = 0; i < 100; i++) {
            var child = shell.children().findFirst();
            if (child.isPresent() && Files.readString(Path.of("/proc/" + child.get().pid() + "/comm")).trim().equals("sleep")) {
                Thread.sleep(100);
                return child.get().pid();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the shell started no child");
    }

    /** Read here independently of the code under test. */
    private static long vmRss(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }
}
