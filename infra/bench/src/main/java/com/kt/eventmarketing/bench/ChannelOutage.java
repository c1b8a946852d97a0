package com.kt.eventmarketing.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Naver Blog down for 30 s from the moment the batch starts publishing, with the AI at 50 % errors and the image
 * API down: the channel's breaker opens, every flow still reaches ACTIVE (the driver retries FAILED channels as an
 * owner would), no post is duplicated, and the built-in renderer draws every image.
 */
final class ChannelOutage implements FaultScenario {
    @Override
    public String title() {
        return "channel down 30 s + AI 50 % errors + image API down";
    }

    @Override
    public void run(FaultContext faults, String label) throws Exception {
        BenchStack stack = faults.stack;
        Api sandbox = faults.sandbox;
        Api api = faults.api;
        List<String> tokens = faults.tokens;
        long t0 = System.nanoTime();
        long before;
        try (Connection db = stack.db()) {
            before = Checks.count(db, "select coalesce(max(id), 0) from events");
        }
        Checks.faults(sandbox, "ai", Map.of("errorRate", 0.5));
        Checks.faults(sandbox, "images", Map.of("outage", true));
        BreakerSampler breakers = new BreakerSampler(new Api(stack.activities.url()));
        breakers.start();
        var futures = faults.startBatch(faults.batch(), true, Duration.ofMinutes(10));
        // the channel goes down when the first event of the batch is about to publish, for 30 s
        long waitFor = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection db = stack.db()) {
            while (System.nanoTime() < waitFor && Checks.count(db, "select count(*) from events where id > ? and step in "
                    + "('READY_TO_PUBLISH', 'DISTRIBUTING', 'SCHEDULED', 'ACTIVE')", before) == 0) {
                Bench.sleep(200);
            }
        }
        Checks.faults(sandbox, "naver", Map.of("outage", true));
        Bench.log("Naver Blog down for 30 s (AI at 50 %% errors, image API down)");
        Bench.sleep(30_000);
        Checks.healAll(sandbox);
        Bench.log("channel, AI and image faults healed");
        List<FlowDriver.Outcome> outcomes = FaultContext.await(futures);
        Map<String, Double> maxOpen = breakers.stop();
        // the image fallback: while the image API was down, the built-in renderer drew the posters
        int rendered = 0;
        int images = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            FlowDriver.Outcome o = outcomes.get(i);
            JsonNode list = api.get("/api/v1/events/" + o.eventId() + "/images", tokens.get(i % tokens.size())).json().path("images");
            for (JsonNode img : list) {
                images++;
                rendered += img.path("provider").asText().equals("renderer") ? 1 : 0;
            }
        }
        int retried = outcomes.stream().mapToInt(FlowDriver.Outcome::retriedChannels).sum();
        boolean naverOpened = maxOpen.getOrDefault("channel-naver-blog", 0.0) >= 1;
        List<String> opened = maxOpen.entrySet().stream().filter(e -> e.getValue() >= 1).map(Map.Entry::getKey).sorted().toList();
        faults.assertFlows(label, outcomes, (System.nanoTime() - t0) / 1e9,
                "breakers seen open: " + opened + "; owner retries of failed channels: " + retried + "; images by the renderer: "
                        + rendered + "/" + images, naverOpened && images > 0 && rendered == images);
    }

    /** The highest "open" state each circuit breaker of the activities pool reported, sampled every 500 ms. */
    private static final class BreakerSampler {
        private final AtomicBoolean sampling = new AtomicBoolean(true);
        private final Map<String, Double> maxOpen = new ConcurrentHashMap<>();
        private final Thread thread;

        BreakerSampler(Api metrics) {
            thread = new Thread(() -> {
                while (sampling.get()) {
                    Api.Response r = metrics.get("/actuator/prometheus", null);
                    if (r.ok()) {
                        for (String line : r.body().split("\n")) {
                            if (line.startsWith("resilience4j_circuitbreaker_state") && line.contains("state=\"open\"")) {
                                String name = line.replaceAll(".*name=\"([^\"]+)\".*", "$1");
                                double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                                maxOpen.merge(name, v, Math::max);
                            }
                        }
                    }
                    Bench.sleep(500);
                }
            }, "bench-breaker-sampler");
        }

        void start() {
            thread.start();
        }

        Map<String, Double> stop() throws InterruptedException {
            sampling.set(false);
            thread.join(2000);
            return maxOpen;
        }
    }
}
