package com.kt.eventmarketing.bench;

import com.sun.net.httpserver.HttpServer;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness at tiny sizes: the load generator against a local echo, the no-op flow on the test server, the draw. */
class HarnessSmokeTest {

    @Test
    void intakeCountsEveryAnswerAndRetriesWithTheSameKey() throws Exception {
        AtomicLong numbers = new AtomicLong();
        Map<String, Long> byKey = new ConcurrentHashMap<>();
        AtomicLong calls = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/p", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            int status;
            String body;
            if (key != null && calls.incrementAndGet() % 3 == 0) { // every third call fails: the client must retry
                status = 503;
                body = "{}";
            } else {
                long n = key == null ? numbers.incrementAndGet() : byKey.computeIfAbsent(key, k -> numbers.incrementAndGet());
                status = 201;
                body = "{\"entryNumber\":" + n + "}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Intake.Result closed = Intake.run(base, Intake.Config.closedLoop("/p", 4, Duration.ofSeconds(5), 200), Map.of());
            assertThat(closed.acceptedCount()).isEqualTo(200);
            assertThat(closed.latency.count()).isEqualTo(200);
            assertThat(closed.cpu).containsKey("loadGenerator");

            Intake.Result retried = Intake.run(base, Intake.Config.closedLoop("/p", 4, Duration.ofSeconds(5), 60).retrying(), Map.of());
            assertThat(retried.acceptedCount()).isEqualTo(60);
            assertThat(retried.attempts.get()).isGreaterThan(60);
            assertThat(retried.accepted.stream().map(Intake.Accepted::entryNumber).distinct().count()).isEqualTo(60);

            Intake.Result paced = Intake.run(base, Intake.Config.paced("/p", 100, Duration.ofSeconds(1), 8), Map.of());
            assertThat(paced.acceptedCount()).isBetween(95, 101);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void noopFlowRunsItsActivitiesOnTheTestServer() throws Exception {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker(NoopFlow.TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(NoopFlow.NoopFlowWorkflowImpl.class);
            worker.registerActivitiesImplementations(new NoopFlow.NoopActivitiesImpl());
            env.start();
            NoopFlow.Run run = new NoopFlow.Runner(env.getWorkflowClient(), env.getWorkerFactory()).run(3, 3, 6, Duration.ofSeconds(30));
            assertThat(run.completed()).isEqualTo(3);
            assertThat(NoopFlow.activityCount(6)).isEqualTo(16);
        }
    }

    @Test
    void drawBenchOnASmallSnapshot() {
        DrawBench.Run run = DrawBench.run(10_000, 100);
        assertThat(run.winners()).isEqualTo(100);
        assertThat(run.totalMillis()).isPositive();
        assertThat(run.liveArraysMb()).isGreaterThan(0.1);
    }
}
