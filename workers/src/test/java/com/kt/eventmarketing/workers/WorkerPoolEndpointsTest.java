package com.kt.eventmarketing.workers;

import com.kt.eventmarketing.testsupport.WithRealServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One worker pool process (queues {@code core,content}) on real servers, as Kubernetes and Prometheus see it:
 * readiness and liveness, the Temporal SDK's own meters in {@code /actuator/prometheus} tagged with each task
 * queue and the pool, and (profile {@code json-logs}) one JSON object per log line with the MDC as fields.
 */
@WithRealServers
@SpringBootTest(classes = WorkersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kt.worker.pool-name=it-pool",
        "kt.worker.task-queues=core,content",
        "kt.worker.queues.content.max-concurrent-activities=2",
})
@ActiveProfiles("json-logs")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class WorkerPoolEndpointsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void readinessIncludesThisPoolsWorkersAndLivenessIsUp() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(readiness.body());
        assertThat(body.path("status").asString()).isEqualTo("UP");
        JsonNode workers = body.path("components").path("workers");
        assertThat(workers.path("status").asString()).isEqualTo("UP");
        assertThat(workers.path("details").path("pool").asString()).isEqualTo("it-pool");
        assertThat(workers.path("details").path("taskQueues").toString()).isEqualTo("[\"core\",\"content\"]");
        assertThat(workers.path("details").path("tuning").path("content").path("maxConcurrentActivities").asInt()).isEqualTo(2);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void temporalSdkMetricsReachPrometheusTaggedWithTaskQueueAndPool() throws Exception {
        // the SDK reports through the starter's tally scope every 10 s; polls start at once
        String scrape = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            scrape = get("/actuator/prometheus").body();
            if (hasTemporalMeter(scrape, "core") && hasTemporalMeter(scrape, "content")) {
                break;
            }
            Thread.sleep(1_000);
        }
        assertThat(hasTemporalMeter(scrape, "core")).as("temporal_* meters for task_queue=core in:\n" + temporalLines(scrape)).isTrue();
        assertThat(hasTemporalMeter(scrape, "content")).as("temporal_* meters for task_queue=content").isTrue();
        assertThat(lines(scrape).filter(l -> l.startsWith("temporal_")))
                .as("every Temporal meter carries the pool's tags")
                .allSatisfy(l -> assertThat(l).contains("pool=\"it-pool\"").contains("task_queues=\"core,content\""));
        assertThat(lines(scrape).filter(l -> l.startsWith("kt_worker_slots_configured{") && l.contains("task_queue=\"content\"")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" 2.0"));
        assertThat(lines(scrape).filter(l -> l.startsWith("kt_worker_slots_configured{") && l.contains("task_queue=\"core\"")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" 16.0"));
    }

    @Test
    void jsonLogLinesCarryTheMdc(CapturedOutput output) throws Exception {
        Logger log = LoggerFactory.getLogger("kt.test.json");
        MDC.put(ActivityMdcInterceptor.WORKFLOW_ID, "event-77");
        MDC.put(ActivityMdcInterceptor.RUN_ID, "run-1");
        MDC.put(ActivityMdcInterceptor.EVENT_ID, "77");
        MDC.put(ActivityMdcInterceptor.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736");
        try {
            log.info("json log probe");
        } finally {
            MDC.clear();
        }
        String line = Arrays.stream(output.getOut().split("\\R")).filter(l -> l.contains("json log probe")).findFirst().orElseThrow();
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("json log probe");
        assertThat(json.path("level").asString()).isEqualTo("INFO");
        assertThat(json.path("workflowId").asString()).isEqualTo("event-77");
        assertThat(json.path("runId").asString()).isEqualTo("run-1");
        assertThat(json.path("eventId").asString()).isEqualTo("77");
        assertThat(json.path("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.has("@timestamp")).isTrue();
    }

    private static boolean hasTemporalMeter(String scrape, String queue) {
        return lines(scrape).anyMatch(l -> l.startsWith("temporal_") && l.contains("task_queue=\"" + queue + "\""));
    }

    private static java.util.stream.Stream<String> lines(String scrape) {
        return Arrays.stream(scrape.split("\n")).filter(l -> !l.startsWith("#"));
    }

    private static List<String> temporalLines(String scrape) {
        return lines(scrape).filter(l -> l.startsWith("temporal_")).limit(40).toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
