package com.kt.eventmarketing.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile summary on a real recording of this JVM: a second of HMAC work must show up as crypto. */
class JfrProfileTest {

    @Test
    void chargesSamplesToThePartOfThePathThatBurnedThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("test.jfr");
        Instant from;
        Instant to;
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            from = Instant.now();
            burnHmac(1_500);
            to = Instant.now();
            recording.stop();
            recording.dump(file);
        }

        JfrProfile.Summary summary = JfrProfile.summarize(file, from, to);

        assertThat(summary.samples()).isGreaterThan(10);
        assertThat(summary.parts()).containsKey("crypto (AES-GCM, HMAC)");
        String biggest = summary.parts().keySet().iterator().next();
        assertThat(biggest).isEqualTo("crypto (AES-GCM, HMAC)");
        assertThat(summary.describe()).contains("share by part of the path").contains("crypto (AES-GCM, HMAC)");
        assertThat(summary.toMap()).containsEntry("cpuSamples", summary.samples());

        // a window before the work saw none of its samples
        assertThat(JfrProfile.summarize(file, from.minusSeconds(60), from.minusSeconds(30)).samples()).isZero();
    }

    private static void burnHmac(long millis) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] data = "010-1234-5678".getBytes(StandardCharsets.UTF_8);
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            data = mac.doFinal(data);
        }
    }
}
