package com.kt.eventmarketing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.kt.eventmarketing.localstack.temporal.TemporalCliDevServer;
import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.kt.eventmarketing.bench.Results.f0;
import static com.kt.eventmarketing.bench.Results.f1;
import static com.kt.eventmarketing.bench.Results.f2;

/** infra/benchmark.sh: every figure next to a baseline taken in the same run. */
public final class Benchmarks {
    /** Sizes: full run vs --quick. */
    public record Sizes(int flows, int flowConcurrency, int noopWorkflows, int starts, int intakeSeconds, int intakeClients,
                        int echoSeconds, int pacedSeconds, int distributionRuns, int drawEntries, int drawWinners) {
        static Sizes full() {
            return new Sizes(20, 10, 100, 200, 60, 64, 20, 15, 3, 1_000_000, 10_000);
        }

        static Sizes quick() {
            return new Sizes(6, 6, 40, 60, 15, 64, 10, 8, 1, 1_000_000, 10_000);
        }
    }

    private final Path repo;
    private final Path out;
    private final Sizes sizes;
    private final boolean profile;
    private final List<TemporalMode> backends;
    private final Results results = new Results("kt-event-marketing benchmark");
    private final TemporalComparison comparison = new TemporalComparison();
    private TemporalComparison.Figures figures;
    private BenchStack stack;
    private Api api;
    private Api sandbox;

    /**
     * @param profile  record the gateway with JFR and report where its CPU went during the saturated intake
     * @param backends the Temporal figures are taken on each, one stack after the other, and compared side by side;
     *                 the intake, distribution and draw figures on the first only (they do not involve Temporal)
     */
    public Benchmarks(Path repo, Path out, Sizes sizes, boolean profile, List<TemporalMode> backends) {
        this.repo = repo;
        this.out = out;
        this.sizes = sizes;
        this.profile = profile;
        this.backends = backends;
    }

    public Results run() throws Exception {
        results.detail("sizes", sizes.toString());
        results.detail("machine", Runtime.getRuntime().availableProcessors() + " cores, java " + Runtime.version());
        draw();
        PosterBench.cost(results, sizes.equals(Sizes.quick()));
        Path logs = out.resolve("logs-benchmark");
        Path recording = logs.resolve("api.jfr");
        for (TemporalMode backend : backends) {
            boolean first = backend == backends.get(0);
            figures = comparison.backend(TemporalComparison.label(backend));
            Bench.log("=== Temporal backend: %s", figures.backend());
            stack = BenchStack.start(repo, logs, List.of("-Xmx768m"), profile && first
                    ? List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true")
                    : List.of(), backend);
            try {
                api = new Api(stack.api.url());
                sandbox = new Api(stack.sandbox.url());
                Checks.healAll(sandbox);
                if (backend == TemporalMode.DEV) {
                    temporalSettings();
                }
                if (first) {
                    PosterBench.imagesStep(results, api, stack.temporalTarget()); // on a quiet stack, before the flows and the intake
                }
                try (NoopFlow.Runner noop = new NoopFlow.Runner(stack.temporalTarget())) {
                    this.noop = noop;
                    List<FlowDriver.Outcome> active = workflows();
                    startLatency();
                    if (first) {
                        distribution();
                        intake(active);
                    }
                }
            } finally {
                stack.close();
            }
        }
        comparison.addRows(results);
        if (profile) {
            for (Map.Entry<String, Instant[]> window : profileWindows.entrySet()) {
                JfrProfile.Summary cpu = JfrProfile.summarize(recording, window.getValue()[0], window.getValue()[1]);
                Bench.log("gateway profile during the %s (%s):%n%s", window.getKey(), recording, cpu.describe());
                results.detail("gatewayProfile: " + window.getKey(), cpu.toMap());
            }
        }
        return results;
    }

    /** Start and end of the intake phases the profile reports on, by name. */
    private final Map<String, Instant[]> profileWindows = new LinkedHashMap<>();

    // ---- WinnerDraw ------------------------------------------------------------------------------------------

    private void draw() throws Exception {
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

    // ---- Temporal ---------------------------------------------------------------------------------------------

    private void temporalSettings() throws Exception {
        Path db = stack.temporalDb();
        byte[] header = new byte[20];
        try (var in = Files.newInputStream(db)) {
            in.readNBytes(header, 0, header.length); // the SQLite header, not the whole database file (read twice before)
        }
        String journal = header[18] == 2 ? "WAL" : header[18] == 1 ? "rollback journal (DELETE)" : "unknown";
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("commandLine", String.join(" ", stack.temporalCommandLine()));
        t.put("pragmas", String.join(" ", TemporalCliDevServer.SQLITE_PRAGMAS));
        t.put("journalModeFromFileHeader", journal);
        t.put("synchronous", "NORMAL: in WAL mode a commit is a log write without an fsync; a killed server loses nothing");
        t.put("maxOpenConns", "1 (server sqlite plugin: SetMaxOpenConns(1))");
        t.put("implication", "every history/visibility write of the whole server is serialised through one SQLite connection: "
                + "the dev server's write rate, not the workers, caps workflow throughput; durable across restarts (file), "
                + "but single-node and not a production persistence");
        results.detail("temporalSqlite", t);
        results.add("Temporal dev server persistence", "SQLite file, " + journal + ", 1 connection", null, null, null, null,
                String.join(" ", stack.temporalCommandLine()));
    }

    private List<FlowDriver.Outcome> workflows() throws Exception {
        int k = sizes.flowConcurrency();
        Bench.log("registering %d owners", k);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            tokens.add(api.registerOwner());
        }
        // baseline first: the no-op flow on the same Temporal server (its own worker in this JVM)
        int channels = FlowDriver.ALL_CHANNELS.size();
        noop.run(10, 10, channels, Duration.ofSeconds(60)); // warm-up
        // the ceiling is the best of several concurrency levels (on SQLite more in flight can be slower)
        NoopFlow.Run sameConcurrency = noop.run(Math.max(k * 3, 12), k, channels, Duration.ofSeconds(120));
        NoopFlow.Run ceiling = sameConcurrency;
        List<String> levels = new ArrayList<>();
        levels.add(k + " in flight: " + f2(sameConcurrency.perSecond()));
        for (int inFlight : new int[]{16, 50}) {
            NoopFlow.Run r = noop.run(Math.max(sizes.noopWorkflows(), inFlight), inFlight, channels, Duration.ofSeconds(180));
            levels.add(inFlight + " in flight: " + f2(r.perSecond()));
            if (r.perSecond() > ceiling.perSecond()) {
                ceiling = r;
            }
        }
        Bench.log("no-op flow wf/s by concurrency: %s", levels);
        if (stack.temporalMode() == TemporalMode.DEV) {
            persistenceVariants(channels, ceiling);
        }

        Bench.log("driving %d real event flows, %d at once", sizes.flows(), k);
        AtomicInteger next = new AtomicInteger();
        List<FlowDriver.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Map<Long, String> owners = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService drivers = Executors.newFixedThreadPool(k, Intake.named("bench-load-flow"));
        CpuMeter cpu = CpuMeter.loadGenerator(stack.pids()).start();
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(6).toNanos();
        for (int t = 0; t < k; t++) {
            String token = tokens.get(t);
            drivers.execute(() -> {
                FlowDriver driver = new FlowDriver(api, token, FlowDriver.ALL_CHANNELS, 100);
                while (next.getAndIncrement() < sizes.flows()) {
                    long id = driver.create("NEW_CUSTOMERS", deadline);
                    if (id > 0) {
                        owners.put(id, token);
                        outcomes.add(driver.drive(id, "ACTIVE", deadline));
                    }
                }
                cpu.sample();
            });
        }
        drivers.shutdown();
        drivers.awaitTermination(7, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cores = cpu.stop();
        long reached = outcomes.stream().filter(FlowDriver.Outcome::reached).count();
        double rate = reached / seconds;
        Stats durations = new Stats();
        outcomes.forEach(o -> durations.add((long) (o.seconds() * 1e9)));
        figures.flows(ceiling.perSecond(), rate);
        results.add("Event workflows/s (real EventCreationWorkflow, REST-driven to ACTIVE, " + channels + " channels), " + figures.backend(),
                f2(rate) + " wf/s (" + reached + "/" + sizes.flows() + " in " + f1(seconds) + " s, " + k + " at once)",
                f2(ceiling.perSecond()) + " wf/s no-op ceiling (" + NoopFlow.activityCount(channels) + " activities; best of " + levels + ")",
                rate / ceiling.perSecond(), "≥ 0.8 × ceiling", rate >= 0.8 * ceiling.perSecond(),
                "flow p50 " + f1(durations.percentileMs(50) / 1000)
                        + " s, p99 " + f1(durations.percentileMs(99) / 1000) + " s; CPU " + CpuMeter.describe(cores));
        // where a flow's time goes: median seconds per step over the flows (polling every 100 ms)
        Map<String, List<Double>> perStep = new LinkedHashMap<>();
        for (FlowDriver.Outcome o : outcomes) {
            o.steps().forEach((step, secs) -> perStep.computeIfAbsent(step, x -> new ArrayList<>()).add(secs));
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        perStep.forEach((step, list) -> {
            List<Double> sorted = list.stream().sorted().toList();
            medians.put(step, Math.round(sorted.get(sorted.size() / 2) * 100) / 100.0);
        });
        results.add("Real flow: median seconds per step (profile), " + figures.backend(), medians.toString(), null, null, null, null,
                "time between the first poll that saw a step and the first that saw the next; owner steps include the REST Update round trip");
        results.detail("flows", Map.of("outcomes", outcomes.stream().map(Record::toString).toList(), "cores", cores,
                "noopCeiling", ceiling.toString(), "noopSameConcurrency", sameConcurrency.toString()));
        List<FlowDriver.Outcome> active = new ArrayList<>();
        for (FlowDriver.Outcome o : outcomes) {
            if (o.reached()) {
                active.add(o);
            }
        }
        this.owners = owners;
        return active;
    }

    /**
     * Profile of the ceiling: the same no-op flow on a second, idle dev server with the CLI's SQLite defaults
     * (rollback journal, an fsync per commit: what the stack ran before it set WAL) and on one in memory. The gap
     * between them and the stack's ceiling shows how much of it is SQLite's persistence.
     */
    private void persistenceVariants(int channels, NoopFlow.Run ceiling) throws Exception {
        int inFlight = 16;
        List<String> found = new ArrayList<>();
        Map<String, List<String>> variants = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("kt-bench-temporal-");
        variants.put("SQLite file, CLI defaults (rollback journal, fsync per commit)",
                List.of("--db-filename", dir.resolve("default.db").toString()));
        variants.put("SQLite in memory", List.of());
        for (var v : variants.entrySet()) {
            int port = com.kt.eventmarketing.localstack.Ports.freePort();
            List<String> cmd = new ArrayList<>(List.of(stack.temporalCli().toString(), "server", "start-dev", "--headless",
                    "--ip", "127.0.0.1", "--port", Integer.toString(port), "--log-level", "error"));
            cmd.addAll(v.getValue());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.resolve("logs-benchmark").resolve("temporal-variant.log").toFile())).start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline) {
                    Process d = new ProcessBuilder(stack.temporalCli().toString(), "operator", "namespace", "describe", "--namespace", "default",
                            "--address", "127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    if (d.waitFor(10, TimeUnit.SECONDS) && d.exitValue() == 0) {
                        break;
                    }
                    Bench.sleep(300);
                }
                try (NoopFlow.Runner r = new NoopFlow.Runner("127.0.0.1:" + port)) {
                    r.run(10, 10, channels, Duration.ofSeconds(60));
                    NoopFlow.Run run = r.run(Math.max(sizes.noopWorkflows(), inFlight), inFlight, channels, Duration.ofSeconds(180));
                    Stats starts = r.startLatency(sizes.starts(), 4, channels);
                    found.add(v.getKey() + ": " + f2(run.perSecond()) + " wf/s, start p50/p99 " + f1(starts.percentileMs(50)) + "/"
                            + f1(starts.percentileMs(99)) + " ms");
                    results.add("StartWorkflowExecution p50 / p99 on " + v.getKey() + " (profile, 4 clients)",
                            f1(starts.percentileMs(50)) + " / " + f1(starts.percentileMs(99)) + " ms", null, null, null, null, null);
                    results.add("No-op flow ceiling on " + v.getKey() + " (profile, " + inFlight + " in flight)", f2(run.perSecond()) + " wf/s",
                            f2(ceiling.perSecond()) + " wf/s on the stack's dev server (SQLite file, WAL)",
                            run.perSecond() / ceiling.perSecond(), null, null, "a second, idle dev server: " + String.join(" ", v.getValue()));
                }
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
                p.destroyForcibly();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        results.detail("persistenceVariants", found);
    }

    private Map<Long, String> owners = Map.of();
    private NoopFlow.Runner noop;

    private void startLatency() throws Exception {
        String token = api.registerOwner();
        Stats latency = new Stats();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger non202 = new AtomicInteger();
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(4, Intake.named("bench-load-start"));
        for (int c = 0; c < 4; c++) {
            clients.execute(() -> {
                while (next.getAndIncrement() < sizes.starts()) {
                    long t0 = System.nanoTime();
                    Api.Response r = api.post("/api/v1/events", token, Map.of("objective", "REVISIT"));
                    long t = System.nanoTime() - t0;
                    if (r.status() == 202) {
                        latency.add(t);
                        ids.add(r.json().path("eventId").asLong());
                    } else {
                        non202.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.MINUTES);
        double p99 = latency.percentileMs(99);
        Stats direct = noop.startLatency(sizes.starts(), 4, FlowDriver.ALL_CHANNELS.size());
        figures.starts(direct, latency);
        results.add("POST /api/v1/events → 202 latency p50 / p99, " + figures.backend(),
                f1(latency.percentileMs(50)) + " / " + f1(p99) + " ms (" + latency.count() + " starts, 4 clients, " + non202.get() + " non-202)",
                f1(direct.percentileMs(50)) + " / " + f1(direct.percentileMs(99)) + " ms: StartWorkflowExecution of the no-op flow from this JVM, 4 clients",
                p99 / direct.percentileMs(99), "p99 ≤ 50 ms", p99 <= 50,
                "inserts the DRAFT row and starts the workflow; each start also sets off the AI activities, whose history writes go to the same Temporal persistence");
        // let the started workflows finish their AI step before the next measurement
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection db = stack.db()) {
            while (System.nanoTime() < deadline && Checks.count(db,
                    "select count(*) from events where owner_id = (select owner_id from events where id = ?) and step = 'ANALYZING_TRENDS'",
                    ids.isEmpty() ? -1L : ids.get(0)) > 0) {
                Bench.sleep(500);
            }
        }
    }

    // ---- distribution ----------------------------------------------------------------------------------------

    private static final Map<String, Integer> CHANNEL_LATENCY = new LinkedHashMap<>();

    static {
        CHANNEL_LATENCY.put("URIDONGNETV", 1000);
        CHANNEL_LATENCY.put("RINGOBIZ", 1500);
        CHANNEL_LATENCY.put("GINITV", 2000);
        CHANNEL_LATENCY.put("INSTAGRAM", 1000);
        CHANNEL_LATENCY.put("NAVER_BLOG", 3000);
        CHANNEL_LATENCY.put("KAKAO_CHANNEL", 2500);
    }

    private void distribution() throws Exception {
        String token = api.registerOwner();
        FlowDriver driver = new FlowDriver(api, token, FlowDriver.ALL_CHANNELS, 100);
        List<Long> ids = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int i = 0; i < sizes.distributionRuns(); i++) {
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
        results.add("Distribution to 6 channels, sandbox latency 1–3 s, publish → all PUBLISHED",
                f2(times.percentileMs(50) / 1000) + " s p50, " + f2(max) + " s max (" + times.count() + "/" + ids.size() + " runs)",
                f1(worstFloor) + " s (slowest channel's own latency × its requests)", max / worstFloor, "≤ 5 s", times.count() == ids.size() && max <= 5,
                "latencies " + CHANNEL_LATENCY);
        results.detail("distribution", floors);
    }

    // ---- participation ---------------------------------------------------------------------------------------

    private void intake(List<FlowDriver.Outcome> active) throws Exception {
        if (active.size() < 2) {
            results.add("Participation intake", "not measured", null, null, null, null, "fewer than 2 events reached ACTIVE");
            return;
        }
        Map<String, Long> pids = stack.allPids();
        long event = active.get(0).eventId();
        String path = "/api/v1/public/events/" + event + "/participations";
        // bare echo ceiling on the same server, same clients and body
        Intake.run(stack.api.url(), Intake.Config.closedLoop("/api/v1/public/bench/echo", 16, Duration.ofSeconds(3), 1_000_000), pids);
        Intake.Result echo = Intake.run(stack.api.url(),
                Intake.Config.closedLoop("/api/v1/public/bench/echo", sizes.intakeClients(), Duration.ofSeconds(sizes.echoSeconds()), 5_000_000), pids);
        Bench.log("echo: %.0f/s %s", echo.perSecond(), echo.statusSummary());
        Instant intakeStart = Instant.now();
        Intake.Result r = Intake.run(stack.api.url(),
                Intake.Config.closedLoop(path, sizes.intakeClients(), Duration.ofSeconds(sizes.intakeSeconds()), 5_000_000), pids);
        profileWindows.put("saturated intake", new Instant[]{intakeStart, Instant.now()});
        Checks.EntryCheck check;
        try (Connection db = stack.db()) {
            check = Checks.entries(db, event, r.accepted);
        }
        double rate = r.perSecond();
        results.add("Participation intake, " + sizes.intakeClients() + " clients, " + sizes.intakeSeconds() + " s",
                f0(rate) + " entries/s (" + f0(r.acceptedCount()) + " accepted, " + r.statusSummary() + ")",
                f0(echo.perSecond()) + "/s bare JSON echo, same server", rate / echo.perSecond(), "≥ 0.5 × echo and ≥ 2,000/s",
                rate >= 0.5 * echo.perSecond() && rate >= 2000,
                "CPU during intake: " + CpuMeter.describe(r.cpu) + "; during echo: " + CpuMeter.describe(echo.cpu));
        results.add("Intake latency p50 / p99 (closed loop, saturated)", f1(r.latency.percentileMs(50)) + " / " + f1(r.latency.percentileMs(99)) + " ms",
                f1(echo.latency.percentileMs(50)) + " / " + f1(echo.latency.percentileMs(99)) + " ms echo", null, null, null, null);
        results.add("Intake: lost / duplicated (checked in PostgreSQL)", check.lost() + " / " + check.duplicatedAnswers(), null, null, "0 / 0",
                check.exactlyOnce(), check.describe());
        // the paced phases start from a quiet system, not from the saturated phase's backlog
        Checks.Drain drain;
        try (Connection db = stack.db()) {
            drain = Checks.awaitDrained(db, event, Duration.ofSeconds(120));
        }
        results.add("Backlog after the saturated intake: outbox published and analytics converged",
                drain.converged() ? f1(drain.seconds()) + " s after the load ended" : "not within 120 s (" + drain + ")",
                null, null, null, null, "outbox → relay → Kafka → analytics consumers, in the gateway and both worker pools");

        // paced at half the saturated rate: latency where the server keeps up
        if (active.size() > 2) {
            double rateOk = Math.min(1000, Math.max(50, Math.floor(rate / 2 / 50) * 50));
            long e3 = active.get(2).eventId();
            Intake.Result half = Intake.run(stack.api.url(), Intake.Config.paced("/api/v1/public/events/" + e3 + "/participations",
                    rateOk, Duration.ofSeconds(sizes.pacedSeconds()), 256), pids);
            results.add("Intake latency p50 / p99 paced at " + f0(rateOk) + "/s (half the saturated rate)",
                    f1(half.latency.percentileMs(50)) + " / " + f1(half.latency.percentileMs(99)) + " ms (" + half.acceptedCount() + " accepted)",
                    null, null, null, null, "CPU " + CpuMeter.describe(half.cpu));
        }

        // paced at 1,000 entries/s with analytics freshness sampled alongside
        long paced = active.get(1).eventId();
        String token = owners.get(paced);
        List<long[]> polls = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean polling = new AtomicBoolean(true);
        Api owner = new Api(stack.api.url());
        boolean analytics = owner.get("/api/v1/events/" + paced + "/analytics", token).status() == 200;
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                Api.Response a = owner.get("/api/v1/events/" + paced + "/analytics", token);
                if (a.status() == 200) {
                    polls.add(new long[]{System.nanoTime(), a.json().path("cards").path("participants").path("count").asLong()});
                }
                Bench.sleep(50);
            }
        }, "bench-analytics-poll");
        if (analytics) {
            poller.start();
        }
        Instant pacedStart = Instant.now();
        Intake.Result p = Intake.run(stack.api.url(), Intake.Config.paced("/api/v1/public/events/" + paced + "/participations",
                1000, Duration.ofSeconds(sizes.pacedSeconds()), 256), pids);
        profileWindows.put("intake paced at 1,000/s", new Instant[]{pacedStart, Instant.now()});
        Checks.EntryCheck pacedCheck;
        try (Connection db = stack.db()) {
            pacedCheck = Checks.entries(db, paced, p.accepted);
        }
        results.add("Intake latency p50 / p99 paced at 1,000/s (" + sizes.pacedSeconds() + " s, from scheduled send)",
                f1(p.latency.percentileMs(50)) + " / " + f1(p.latency.percentileMs(99)) + " ms (achieved " + f0(p.perSecond()) + "/s)",
                null, null, "p99 ≤ 50 ms", p.latency.percentileMs(99) <= 50 && p.perSecond() >= 950,
                pacedCheck.describe() + "; CPU " + CpuMeter.describe(p.cpu));
        if (!analytics) {
            results.add("Analytics freshness", "not measured: no analytics API", null, null, "p95 ≤ 1 s", null, null);
            return;
        }
        long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < waitUntil && (polls.isEmpty() || polls.get(polls.size() - 1)[1] < p.acceptedCount())) {
            Bench.sleep(100);
        }
        polling.set(false);
        poller.join(2000);
        Stats freshness = new Stats();
        List<Intake.Accepted> byAnswer = new ArrayList<>(p.accepted);
        byAnswer.sort((a, b) -> Long.compare(a.answeredAt(), b.answeredAt()));
        List<long[]> samples = new ArrayList<>(polls);
        int unseen = 0;
        for (int i = 0; i < byAnswer.size(); i++) {
            long needed = i + 1; // the i-th answered entry is visible once the count covers it
            long answered = byAnswer.get(i).answeredAt();
            long visible = -1;
            for (long[] s : samples) {
                if (s[1] >= needed && s[0] >= answered) {
                    visible = s[0];
                    break;
                }
            }
            if (visible < 0) {
                unseen++;
            } else {
                freshness.add(visible - answered);
            }
        }
        double p95 = freshness.percentileMs(95);
        results.add("Analytics freshness (201 → count in GET …/analytics) at 1,000/s",
                "p50 " + f0(freshness.percentileMs(50)) + " ms, p95 " + f0(p95) + " ms, max " + f0(freshness.maxMs()) + " ms",
                "50 ms poll interval", null, "p95 ≤ 1 s", unseen == 0 && p95 <= 1000,
                unseen + " entries never seen within 30 s; path: outbox row → relay → Kafka → batch consumer → projection");
    }
}
