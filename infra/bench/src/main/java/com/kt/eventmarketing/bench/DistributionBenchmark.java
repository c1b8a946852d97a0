package com.kt.eventmarketing.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.kt.eventmarketing.bench.Results.f1;
import static com.kt.eventmarketing.bench.Results.f2;

/**
 * Distribution to the six channels with the sandbox answering each after 1–3 s: publish → all PUBLISHED, against the
 * floor the slowest channel's own latency sets.
 */
final class DistributionBenchmark {
    private static final Map<String, Integer> CHANNEL_LATENCY = new LinkedHashMap<>();

    static {
        CHANNEL_LATENCY.put("URIDONGNETV", 1000);
        CHANNEL_LATENCY.put("RINGOBIZ", 1500);
        CHANNEL_LATENCY.put("GINITV", 2000);
        CHANNEL_LATENCY.put("INSTAGRAM", 1000);
        CHANNEL_LATENCY.put("NAVER_BLOG", 3000);
        CHANNEL_LATENCY.put("KAKAO_CHANNEL", 2500);
    }

    private final BenchmarkContext ctx;

    DistributionBenchmark(BenchmarkContext ctx) {
        this.ctx = ctx;
    }

    void run() throws Exception {
        Api api = ctx.api();
        Api sandbox = ctx.sandbox();
        String token = api.registerOwner();
        FlowDriver driver = new FlowDriver(api, token, FlowDriver.ALL_CHANNELS, 100);
        List<Long> ids = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int i = 0; i < ctx.sizes().distributionRuns(); i++) {
            long id = driver.create("AWARENESS", deadline);
            FlowDriver.Outcome o = driver.drive(id, "READY_TO_PUBLISH", deadline);
            if (o.reached()) {
                ids.add(id);
            }
        }
        CHANNEL_LATENCY.forEach((channel, ms) -> Checks.faults(sandbox, Checks.GROUPS.get(channel), Map.of("latencyMs", ms)));
        Stats times = new Stats();
        List<String> floors = new ArrayList<>();
        double worstFloor = 0;
        try {
            for (long id : ids) {
                long t0 = System.nanoTime();
                Api.Response publish = api.post("/api/v1/events/" + id + "/publish", token, null);
                if (!publish.ok()) {
                    Bench.log("publish %d: %d %s", id, publish.status(), publish.body());
                    continue;
                }
                long limit = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < limit) {
                    JsonNode channels = api.get("/api/v1/events/" + id + "/distribution", token).json().path("channels");
                    long published = 0;
                    for (JsonNode c : channels) {
                        published += c.path("status").asText().equals("PUBLISHED") ? 1 : 0;
                    }
                    if (published == FlowDriver.ALL_CHANNELS.size()) {
                        times.add(System.nanoTime() - t0);
                        break;
                    }
                    Bench.sleep(25);
                }
                // the floor: the sandbox's own delay on the slowest channel (requests to it × its latency)
                double floor = 0;
                for (var e : CHANNEL_LATENCY.entrySet()) {
                    int requests = sandbox.get("/admin/requests?idempotencyKey=event-" + id + "-" + e.getKey(), null).json().size();
                    floor = Math.max(floor, requests * e.getValue() / 1000.0);
                }
                worstFloor = Math.max(worstFloor, floor);
                floors.add(id + ": floor " + floor + " s");
            }
        } finally {
            Checks.healAll(sandbox);
        }
        double max = times.maxMs() / 1000;
        ctx.results().add("Distribution to 6 channels, sandbox latency 1–3 s, publish → all PUBLISHED",
                f2(times.percentileMs(50) / 1000) + " s p50, " + f2(max) + " s max (" + times.count() + "/" + ids.size() + " runs)",
                f1(worstFloor) + " s (slowest channel's own latency × its requests)", max / worstFloor, "≤ 5 s", times.count() == ids.size() && max <= 5,
                "latencies " + CHANNEL_LATENCY);
        ctx.results().detail("distribution", floors);
    }
}
