package com.kt.eventmarketing.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsTest {

    @Test
    void nearestRankPercentiles() {
        Stats s = new Stats();
        for (int i = 1; i <= 100; i++) {
            s.add(i * 1_000_000L); // 1..100 ms
        }
        assertThat(s.percentileMs(50)).isEqualTo(50.0);
        assertThat(s.percentileMs(99)).isEqualTo(99.0);
        assertThat(s.percentileMs(100)).isEqualTo(100.0);
        assertThat(s.maxMs()).isEqualTo(100.0);
        assertThat(s.count()).isEqualTo(100);
        assertThat(Stats.percentile(new long[]{7}, 1)).isEqualTo(7.0);
        assertThat(new Stats().percentileMs(99)).isNaN();
        assertThatThrownBy(() -> Stats.percentile(new long[]{1}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonEscapesAndNests() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "줄\n\"따옴표\"\\");
        m.put("n", 3);
        m.put("ratio", 0.123456);
        m.put("nan", Double.NaN);
        m.put("list", List.of(true, Map.of()));
        m.put("none", null);
        assertThat(Json.write(m)).isEqualTo("""
                {
                  "name": "줄\\n\\"따옴표\\"\\\\",
                  "n": 3,
                  "ratio": 0.123,
                  "nan": null,
                  "list": [
                    true,
                    {}
                  ],
                  "none": null
                }
                """);
    }

    @Test
    void tableAndFile(@TempDir Path dir) throws Exception {
        Results r = new Results("t");
        r.add("rate", "10 /s", "20 /s", 0.5, "≥ 0.8 ×", false, "why");
        r.add("info", "x", null, null, null, null, null);
        String table = r.table();
        assertThat(table).contains("| rate ", "| 0.50  |", "| NO  |", "  * rate: why").contains("| -   |");
        assertThat(r.allOk()).isFalse();
        Path file = r.write(dir, "benchmark");
        assertThat(Files.readString(file)).contains("\"met\": false", "\"ratio\": 0.5");
        assertThat(dir.resolve("benchmark.json")).exists();
    }
}
