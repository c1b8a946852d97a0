package com.kt.eventmarketing.localstack.temporal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared settings as packaged, and the dynamic config as the server version we run understands it. */
class TemporalSettingsTest {

    @Test
    void readsTheSharedNamespaceSettings() {
        TemporalSettings settings = TemporalSettings.shared();
        assertThat(settings.namespace()).isEqualTo("default");
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.searchAttributes()).containsKeys("StoreId", "EventStatus", "Objective");
        assertThatThrownBy(() -> TemporalSettings.parseDays("72h")).isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code temporal-server validate-dynamic-config} warns on keys it does not know (a typo is silently ignored). */
    @Test
    void everyDynamicConfigKeyIsKnownToTheServer(@TempDir Path dir) throws Exception {
        TemporalServerBinaries binaries = TemporalServerBinaries.locate().orElseThrow(() -> new AssertionError(
                "the Temporal server binaries are required: " + TemporalServerBinaries.INSTALL_HINT));
        Path file = Files.write(dir.resolve("dynamicconfig.yaml"), TemporalSettings.dynamicConfig());
        Process validate = new ProcessBuilder(binaries.server().toString(), "validate-dynamic-config", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(validate.getInputStream().readAllBytes());
        assertThat(validate.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(validate.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("warning:").doesNotContain("error:");
    }
}
