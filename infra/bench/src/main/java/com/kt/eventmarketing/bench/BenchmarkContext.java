package com.kt.eventmarketing.bench;

import java.nio.file.Path;

/**
 * What the benchmarks on one stack share: the sizes, the results they add rows to, the stack with its REST APIs,
 * this backend's figures for the side-by-side comparison, and the no-op flow's worker in this JVM (the baseline).
 */
record BenchmarkContext(Benchmarks.Sizes sizes, Results results, Path out, BenchStack stack, Api api, Api sandbox,
                        TemporalComparison.Figures figures, NoopFlow.Runner noop) {
}
