package com.kt.eventmarketing.bench;

import java.util.ArrayList;
import java.util.List;

import static com.kt.eventmarketing.bench.Results.f0;
import static com.kt.eventmarketing.bench.Results.f1;

/** The WinnerDraw over a million entries in this JVM: time (median of 3 after a warm-up) and peak heap. */
final class WinnerDrawBenchmark {
    private WinnerDrawBenchmark() {
    }

    static void run(Results results, Benchmarks.Sizes sizes) throws Exception {
        Bench.log("WinnerDraw over %,d entries", sizes.drawEntries());
        DrawBench.run(200_000, 1_000); // warm-up (JIT)
        List<DrawBench.Run> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(DrawBench.run(sizes.drawEntries(), sizes.drawWinners()));
        }
        DrawBench.Run median = runs.stream().sorted((a, b) -> Double.compare(a.totalMillis(), b.totalMillis())).toList().get(1);
        double peak = runs.stream().mapToDouble(DrawBench.Run::peakHeapMb).max().orElse(Double.NaN);
        boolean fits = DrawBench.fitsIn(256, sizes.drawEntries(), sizes.drawWinners());
        results.add("WinnerDraw " + f0(sizes.drawEntries()) + " entries, " + f0(sizes.drawWinners()) + " winners: time",
                f0(median.totalMillis()) + " ms (hash " + f0(median.hashMillis()) + " + draw " + f0(median.drawMillis()) + ")",
                null, null, "< 2,000 ms", median.totalMillis() < 2000, "median of 3 in process after a warm-up; WEIGHTED, every 3rd entry +2");
        results.add("WinnerDraw peak heap", f1(peak) + " MB", "live arrays " + f1(median.liveArraysMb()) + " MB", peak / median.liveArraysMb(),
                "< 256 MB", peak < 256 && fits, "sum of heap pools' peaks after a full GC (" + median.gc() + "); also ran in a child JVM with -Xmx256m: "
                        + (fits ? "finished" : "FAILED"));
        results.detail("draw", runs.stream().map(Record::toString).toList());
    }
}
