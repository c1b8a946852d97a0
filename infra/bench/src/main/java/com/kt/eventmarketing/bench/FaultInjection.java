package com.kt.eventmarketing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * infra/fault-injection.sh: the six scenarios on one local stack, each ending in assertions against the
 * database, the sandbox's request log and the REST API. Scenario numbers follow issue 8.
 */
public final class FaultInjection {
    private final Path repo;
    private final Path out;
    private final boolean quick;
    private final List<Integer> only;
    private final TemporalMode temporal;
    final Results results = new Results("kt-event-marketing fault injection");
    private BenchStack stack;
    private Api api;
    private Api sandbox;
    private final List<String> tokens = new ArrayList<>();

    /** @param temporal the Temporal to run on; the node scenarios need {@link TemporalMode#CLUSTER} */
    public FaultInjection(Path repo, Path out, boolean quick, List<Integer> only, TemporalMode temporal) {
        this.repo = repo;
        this.out = out;
        this.quick = quick;
        this.only = only;
        this.temporal = temporal;
    }

    int batch() {
        return quick ? 4 : 8;
    }

    public Results run() throws Exception {
        stack = BenchStack.start(repo, out.resolve("logs-fault-injection"), List.of("-Xmx768m"), temporal);
        try {
            api = new Api(stack.api.url());
            sandbox = new Api(stack.sandbox.url());
            Checks.healAll(sandbox);
            for (int i = 0; i < batch(); i++) {
                tokens.add(api.registerOwner());
            }
            scenario(1, "kill -9 of each worker pool mid-batch", this::killPools);
            scenario(2, "Temporal stopped and restarted mid-batch", this::restartTemporal);
            scenario(5, "channel down 30 s + AI 50 % errors + image API down", this::channelOutage);
            scenario(6, "api-gateway killed (kill -9) under load, clients retry with the same Idempotency-Key", this::gatewayKill);
            scenario(3, "Kafka broker stopped under participation load", this::kafkaOutage);
            if (temporal == TemporalMode.CLUSTER) {
                TemporalFaults server = new TemporalFaults(this, stack, api);
                scenario(7, "one of two Temporal nodes kill -9'd mid-batch", server::killNode);
                scenario(8, "PostgreSQL restarted under Temporal mid-batch", server::restartPostgres);
                scenario(9, "whole Temporal cluster stopped 30 s while owners call the API", server::stopCluster);
            }
            // last: a Redis restart leaves stale pooled connections behind (see the cache check in the scenario)
            scenario(4, "Redis stopped, restarted and flushed under participation load", this::redisOutage);
        } finally {
            stack.close();
        }
        return results;
    }

    private interface Scenario {
        void run(String name) throws Exception;
    }

    private void scenario(int number, String name, Scenario s) {
        if (!only.isEmpty() && !only.contains(number)) {
            return;
        }
        String label = number + ". " + name;
        Bench.log("=== scenario %s", label);
        long t0 = System.nanoTime();
        try {
            s.run(label);
        } catch (Exception | AssertionError e) {
            results.add(label, "ERROR", null, null, null, false, e.toString());
            e.printStackTrace(System.out);
        } finally {
            Checks.healAll(sandbox);
            for (AppProcess app : stack.apps()) {
                if (!app.isAlive()) {
                    app.start().awaitHealthy(BenchStack.APP_START_TIMEOUT);
                }
            }
            Bench.log("scenario %d took %.0f s", number, (System.nanoTime() - t0) / 1e9);
        }
    }

    // ---- event flows under faults ------------------------------------------------------------------------------

    /** Starts one driver per owner token; each creates one event and drives it to ACTIVE. */
    List<Future<FlowDriver.Outcome>> startBatch(int n, boolean retryFailed, Duration timeout) {
        ExecutorService pool = Executors.newFixedThreadPool(n, Intake.named("bench-load-flow"));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<FlowDriver.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String token = tokens.get(i % tokens.size());
            futures.add(pool.submit(() -> {
                FlowDriver d = new FlowDriver(api, token, FlowDriver.ALL_CHANNELS, 200);
                if (retryFailed) {
                    d.retryingFailedChannels();
                }
                long id = d.create("SALES", deadline);
                return id < 0 ? new FlowDriver.Outcome(-1, "?", false, 0, 0, "not created") : d.drive(id, "ACTIVE", deadline);
            }));
        }
        pool.shutdown();
        return futures;
    }

    static List<FlowDriver.Outcome> await(List<Future<FlowDriver.Outcome>> futures) throws Exception {
        List<FlowDriver.Outcome> list = new ArrayList<>();
        for (Future<FlowDriver.Outcome> f : futures) {
            list.add(f.get(15, TimeUnit.MINUTES));
        }
        return list;
    }

    /** Every flow reached ACTIVE and every (event, channel) was posted exactly once. */
    void assertFlows(String label, List<FlowDriver.Outcome> outcomes, double seconds, String extra, boolean extraOk) {
        long reached = outcomes.stream().filter(FlowDriver.Outcome::reached).count();
        List<Long> ids = outcomes.stream().filter(o -> o.eventId() > 0).map(FlowDriver.Outcome::eventId).toList();
        Checks.PostCheck posts = Checks.posts(sandbox, ids, FlowDriver.ALL_CHANNELS);
        boolean ok = reached == outcomes.size() && posts.exactlyOnce() && extraOk;
        results.add(label, reached + "/" + outcomes.size() + " workflows ACTIVE in " + Results.f0(seconds) + " s; "
                        + posts.posts() + " posts, " + posts.duplicates() + " duplicates, " + posts.missing() + " (event, channel) without a post",
                null, null, "all complete, each post exactly once", ok,
                extra + (reached == outcomes.size() ? "" : "; not reached: " + outcomes.stream().filter(o -> !o.reached()).map(Record::toString).toList()));
        results.detail(label, Map.of("outcomes", outcomes.stream().map(Record::toString).toList(), "sandboxRequestsPerKey", posts.requestsByKey()));
    }

    private void killPools(String label) throws Exception {
        long t0 = System.nanoTime();
        var futures = startBatch(batch(), false, Duration.ofMinutes(8));
        List<String> events = new ArrayList<>();
        Bench.sleep(3000);
        killAndRestart(stack.flow, events);
        Bench.sleep(2000);
        killAndRestart(stack.activities, events);
        Bench.sleep(4000);
        killAndRestart(stack.flow, events);
        List<FlowDriver.Outcome> outcomes = await(futures);
        assertFlows(label, outcomes, (System.nanoTime() - t0) / 1e9, String.join("; ", events), true);
    }

    private void killAndRestart(AppProcess pool, List<String> events) {
        long pid = pool.pid();
        pool.kill9();
        long t = System.nanoTime();
        pool.start().awaitHealthy(BenchStack.APP_START_TIMEOUT);
        events.add(String.format("kill -9 %s (pid %d), back in %.0f s", pool.name(), pid, (System.nanoTime() - t) / 1e9));
        Bench.log("%s", events.get(events.size() - 1));
    }

    private void restartTemporal(String label) throws Exception {
        long t0 = System.nanoTime();
        var futures = startBatch(batch(), false, Duration.ofMinutes(8));
        Bench.sleep(4000);
        stack.stopTemporal();
        Bench.log("Temporal stopped");
        Bench.sleep(5000);
        long t = System.nanoTime();
        stack.startTemporal();
        String event = String.format("stopped 5 s mid-batch, restarted on the same %s in %.1f s",
                stack.temporalMode() == TemporalMode.DEV ? "SQLite file" : "PostgreSQL databases", (System.nanoTime() - t) / 1e9);
        Bench.log("%s", event);
        assertFlows(label, await(futures), (System.nanoTime() - t0) / 1e9, event, true);
    }

    private void channelOutage(String label) throws Exception {
        long t0 = System.nanoTime();
        long before;
        try (Connection db = stack.db()) {
            before = Checks.count(db, "select coalesce(max(id), 0) from events");
        }
        Checks.faults(sandbox, "ai", Map.of("errorRate", 0.5));
        Checks.faults(sandbox, "images", Map.of("outage", true));
        AtomicBoolean sampling = new AtomicBoolean(true);
        Map<String, Double> maxOpen = new java.util.concurrent.ConcurrentHashMap<>();
        Api metrics = new Api(stack.activities.url());
        Thread sampler = new Thread(() -> {
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
        sampler.start();
        var futures = startBatch(batch(), true, Duration.ofMinutes(10));
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
        List<FlowDriver.Outcome> outcomes = await(futures);
        sampling.set(false);
        sampler.join(2000);
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
        assertFlows(label, outcomes, (System.nanoTime() - t0) / 1e9,
                "breakers seen open: " + opened + "; owner retries of failed channels: " + retried + "; images by the renderer: "
                        + rendered + "/" + images, naverOpened && images > 0 && rendered == images);
    }

    // ---- participation under faults -------------------------------------------------------------------------

    private long activeEvent() throws Exception {
        String token = tokens.get(0);
        FlowDriver d = new FlowDriver(api, token, FlowDriver.ALL_CHANNELS, 200);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        long id = d.create("NEW_CUSTOMERS", deadline);
        FlowDriver.Outcome o = d.drive(id, "ACTIVE", deadline);
        if (!o.reached()) {
            throw new IllegalStateException("no ACTIVE event for the participation scenario: " + o);
        }
        owner.put(id, token);
        return id;
    }

    private final Map<Long, String> owner = new LinkedHashMap<>();

    /** Runs retrying intake on a fresh ACTIVE event while {@code fault} runs; returns the result and the DB check. */
    private record Load(long eventId, Intake.Result result, Checks.EntryCheck check) {
    }

    private Load underLoad(Duration duration, Runnable fault) throws Exception {
        long event = activeEvent();
        CompletableFuture<Intake.Result> load = CompletableFuture.supplyAsync(() -> {
            try {
                return Intake.run(stack.api.url(), Intake.Config.closedLoop("/api/v1/public/events/" + event + "/participations",
                        16, duration, 200_000).retrying(), Map.of());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        fault.run();
        Intake.Result r = load.get(10, TimeUnit.MINUTES);
        try (Connection db = stack.db()) {
            return new Load(event, r, Checks.entries(db, event, r.accepted));
        }
    }

    private void addEntryRow(String label, Load l, String events, boolean extraOk, String extra) {
        Intake.Result r = l.result();
        boolean everyoneAnswered = r.acceptedCount() == r.sent.get();
        boolean ok = l.check().exactlyOnce() && l.check().unacknowledged() == 0 && everyoneAnswered && extraOk;
        results.add(label, r.sent.get() + " entries sent, " + r.acceptedCount() + " accepted (" + r.statusSummary() + ", "
                        + r.attempts.get() + " attempts, " + r.replays.get() + " replays); " + l.check().lost() + " lost, "
                        + l.check().duplicatedAnswers() + " duplicated",
                null, null, "every entry exactly once", ok, events + "; " + l.check().describe() + (extra == null ? "" : "; " + extra));
    }

    private void redisOutage(String label) throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Load l = underLoad(Duration.ofSeconds(quick ? 20 : 40), () -> {
            Bench.sleep(4000);
            stack.stopRedis();
            events.add("Redis stopped at 4 s");
            Bench.sleep(quick ? 6000 : 12_000);
            stack.startRedis();
            try {
                stack.flushRedis();
                events.add("restarted and FLUSHALL");
                Bench.sleep(3000);
                stack.flushRedis();
                events.add("FLUSHALL again under load");
            } catch (Exception e) {
                events.add("flush failed: " + e);
            }
        });
        addEntryRow(label, l, String.join(", ", events), true, null);
        // caches rebuild: a new event's detail (cached 5 min in Redis, evicted by the core activities) must follow
        // the workflow after the restart, i.e. the owner sees SELECT_RECOMMENDATION soon after the AI step
        FlowDriver d = new FlowDriver(api, tokens.get(1 % tokens.size()), FlowDriver.ALL_CHANNELS, 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long id = d.create("REVISIT", deadline);
        FlowDriver.Outcome o = d.drive(id, "SELECT_RECOMMENDATION", deadline);
        String query = temporalStep(id);
        results.add(label + ": caches rebuild (event detail follows the workflow)",
                o.reached() ? "REST showed SELECT_RECOMMENDATION after " + Results.f1(o.seconds()) + " s"
                        : "REST still showed " + o.step() + " after 90 s while the workflow's snapshot query says " + query,
                null, null, "REST step = workflow step within 90 s", o.reached(),
                o.reached() ? null : "the core activity's eviction of the cached view failed on a stale pooled Redis connection "
                        + "(flow.log: 'could not evict cached views … Unexpected end of stream'), so the gateway serves the cached "
                        + "detail until its 5 min TTL");
    }

    /** The step in the workflow's own snapshot query, via the Temporal CLI. */
    private String temporalStep(long eventId) {
        try {
            Process p = new ProcessBuilder(stack.temporalCli().toString(), "workflow", "query", "-w", "event-" + eventId, "--type", "snapshot",
                    "--address", stack.temporalTarget()).redirectErrorStream(true).start();
            String outText = new String(p.getInputStream().readAllBytes());
            p.waitFor(20, TimeUnit.SECONDS);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"step\":\"([A-Z_]+)\"").matcher(outText);
            return m.find() ? m.group(1) : "?";
        } catch (Exception e) {
            return "? (" + e + ")";
        }
    }

    private void gatewayKill(String label) throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Load l = underLoad(Duration.ofSeconds(quick ? 20 : 40), () -> {
            Bench.sleep(4000);
            long pid = stack.api.pid();
            stack.api.kill9();
            long t = System.nanoTime();
            stack.api.start().awaitHealthy(BenchStack.APP_START_TIMEOUT);
            events.add(String.format("kill -9 api (pid %d) at 4 s, healthy again after %.0f s", pid, (System.nanoTime() - t) / 1e9));
        });
        addEntryRow(label, l, String.join(", ", events), l.result().replays.get() >= 0, null);
    }

    private void kafkaOutage(String label) throws Exception {
        int outage = quick ? 20 : 60;
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Load l = underLoad(Duration.ofSeconds(outage + 10), () -> {
            Bench.sleep(3000);
            stack.stopKafka();
            events.add("Kafka stopped at 3 s for " + outage + " s");
            Bench.sleep(outage * 1000L);
            long t = System.nanoTime();
            stack.startKafka();
            events.add(String.format("restarted in %.1f s", (System.nanoTime() - t) / 1e9));
        });
        // the outbox drains and the analytics projection converges to the database
        Checks.Drain drain;
        try (Connection db = stack.db()) {
            drain = Checks.awaitDrained(db, l.eventId(), Duration.ofSeconds(120));
        }
        String extra = "after the load: outbox unpublished " + drain.unpublished() + ", participants " + drain.rows()
                + ", analytics projection " + drain.projected()
                + (drain.converged() ? String.format(" (converged %.1f s after the load ended)", drain.seconds()) : " (did not converge in 120 s)");
        addEntryRow(label, l, String.join(", ", events), drain.converged(), extra);
    }
}
