package com.kt.eventmarketing.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessPriorityTest {

    /** A JVM has many threads already running: every one of them must end up at the lower priority. */
    @Test
    void everyThreadOfARunningProcessGetsTheNiceness() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process sleeper = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Sleeper.class.getName())).start();
        try {
            Thread.sleep(1_500); // its JVM threads (GC, compiler, the sleeping main) exist by now
            int changed = ProcessPriority.lower(sleeper.pid(), 10);

            assertThat(changed).isGreaterThan(5);
            try (var tasks = Files.list(Path.of("/proc", Long.toString(sleeper.pid()), "task"))) {
                for (Path task : tasks.toList()) {
                    assertThat(ProcessPriority.niceness(sleeper.pid(), Long.parseLong(task.getFileName().toString())))
                            .as("thread " + task.getFileName()).isEqualTo(10);
                }
            }
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aProcessThatIsGoneIsAClearError() {
        assertThatThrownBy(() -> ProcessPriority.lower(Integer.MAX_VALUE - 7, 10))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("threads of process");
    }

    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }
}
