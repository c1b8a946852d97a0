package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.temporal.TemporalMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.kt.eventmarketing.bench.Results.f0;
import static com.kt.eventmarketing.bench.Results.f1;

/**
 * The poster pipeline's two cost targets: CPU per 1080×1080 poster (composed + PNG, one core) and the images
 * step's p50 with 10 flows in it at once. Part of {@code benchmark}; {@code posters} runs only these on a stack
 * of their own.
 */
final class PosterBench {
    static final int FLOWS_AT_ONCE = 10;

    private PosterBench() {
    }

    static void cost(Results results, boolean quick) {
        int posters = quick ? 100 : 300;
        Bench.log("poster cost: %d posters of 1080x1080 after a warm-up", posters);
        PosterCost.Run run = PosterCost.measure(posters, Duration.ofMinutes(3));
        results.add("Poster 1080×1080 composed + PNG-encoded: CPU per poster (one core)",
                f1(run.cpuMsPerPoster()) + " ms (compose " + f1(run.composeMs()) + " + PNG " + f1(run.encodeMs()) + ")",
                null, null, "≤ 60 ms", run.cpuMsPerPoster() <= 60,
                run.posters() + " posters, thread CPU time (ThreadMXBean); wall " + f1(run.wallMsPerPoster())
                        + " ms each on the shared machine; 1024² art scaled, 40/60-character title/prize, scrims; PNG "
                        + f0(run.pngBytes() / 1024.0) + " KiB");
        results.detail("posterCost", run.toString());
    }

    static void imagesStep(Results results, Api api, String temporalTarget) throws Exception {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < FLOWS_AT_ONCE; i++) {
            owners.add(api.registerOwner());
        }
        Bench.log("images step: %d flows at once", FLOWS_AT_ONCE);
        // Warm-up: a whole round as measured, so the workers' JIT has compiled the compositor and the glyph caches hold
        // the Korean text before the measured round (2 flows left most of that to the measured round, whose CPU then
        // went partly to compiling: a running service is warm).
        ImagesStep.measure(api, owners, Duration.ofMinutes(3));
        ImagesStep.Run run = ImagesStep.measure(api, owners, Duration.ofMinutes(3));
        double p50 = run.seconds().percentileMs(50) / 1000;
        results.add("Images step p50 with " + FLOWS_AT_ONCE + " flows at once (3 style previews each)",
                f1(p50 * 1000) + " ms (p90 " + f0(run.seconds().percentileMs(90)) + " ms, max "
                        + f0(run.seconds().maxMs()) + " ms)",
                null, null, "p50 ≤ 1.5 s", run.failures().isEmpty() && p50 <= 1.5,
                "PUT recommendation → GET shows EDIT_CONTENT (100 ms polls); sandbox image API without added latency; "
                        + run.seconds().count() + "/" + run.flows() + " measured" + (run.failures().isEmpty() ? ""
                        : "; failures " + run.failures()) + "; medians per phase (ms) " + timeline(temporalTarget, run));
    }

    private static String timeline(String temporalTarget, ImagesStep.Run run) {
        try {
            StringBuilder text = new StringBuilder();
            ImagesStepTimeline.medians(temporalTarget, run.measured()).forEach((phase, ms) ->
                    text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append(f0(ms)));
            return text.toString();
        } catch (RuntimeException e) {
            return "not read (" + e.getMessage() + ")";
        }
    }

    /** {@code posters [--quick]}: only these figures, on a stack of their own. */
    static Results runAlone(Path repo, Path out, boolean quick) throws Exception {
        Results results = new Results("kt-event-marketing poster pipeline");
        results.detail("machine", Runtime.getRuntime().availableProcessors() + " cores, java " + Runtime.version());
        cost(results, quick);
        BenchStack stack = BenchStack.start(repo, out.resolve("logs-posters"), List.of("-Xmx768m"), TemporalMode.DEV);
        try {
            Checks.healAll(new Api(stack.sandbox.url()));
            imagesStep(results, new Api(stack.api.url()), stack.temporalTarget());
        } finally {
            stack.close();
        }
        return results;
    }
}
