package com.kt.eventmarketing.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Participation load on loopback, bounded in count and time: closed loop (N clients, each sends its next entry
 * when the last one is answered) or paced (a fixed rate, latency measured from the scheduled send time so a
 * stalled server cannot hide queueing). Every entry has its own phone; with {@code retryUntilAnswered} a client
 * repeats the same entry with the same Idempotency-Key until it gets a definite answer (201 or 409).
 */
public final class Intake {
    private static final int SEQ_SPACING = 10_000_000;
    private static final int PREOPENED_CONNECTIONS = 64;
    private static final Pattern ENTRY_NUMBER = Pattern.compile("\"entryNumber\"\\s*:\\s*(\\d+)");

    public record Config(String path, int clients, Duration duration, int maxEntries, double ratePerSecond,
                         boolean retryUntilAnswered, String phonePrefix) {
        public static Config closedLoop(String path, int clients, Duration duration, int maxEntries) {
            return new Config(path, clients, duration, maxEntries, 0, false, "010");
        }

        public static Config paced(String path, double rate, Duration duration, int maxClients) {
            return new Config(path, maxClients, duration, (int) Math.ceil(rate * duration.toSeconds()) + 1, rate, false, "010");
        }

        public Config retrying() {
            return new Config(path, clients, duration, maxEntries, ratePerSecond, true, phonePrefix);
        }

        public Config phones(String prefix) {
            return new Config(path, clients, duration, maxEntries, ratePerSecond, retryUntilAnswered, prefix);
        }
    }

    /** One accepted entry: the number the server gave, when it was due to be sent and when its answer arrived (System.nanoTime). */
    public record Accepted(int seq, long entryNumber, long scheduledAt, long answeredAt) {
        long latency() {
            return answeredAt - scheduledAt;
        }
    }

    public static final class Result {
        public final Stats latency = new Stats();
        public final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        public final List<Accepted> accepted = new ArrayList<>();
        public final AtomicLong attempts = new AtomicLong();
        public final AtomicLong replays = new AtomicLong();
        public final AtomicLong mismatchedReplays = new AtomicLong();
        public final AtomicInteger sent = new AtomicInteger();
        public int unanswered;
        public double seconds;
        /** When the run's clock started, as System.nanoTime and as wall-clock time. */
        public long startNanos;
        public Instant startedAt = Instant.EPOCH;
        /** The load generator's own collections during the run: its pauses delay sends and answers alike. */
        public long ownGcCount;
        public long ownGcMillis;
        public Map<String, Double> cpu = Map.of();

        synchronized void accept(Accepted a) {
            accepted.add(a);
        }

        public synchronized int acceptedCount() {
            return accepted.size();
        }

        public double perSecond() {
            return acceptedCount() / seconds;
        }

        /**
         * Several runs as one: counts and seconds added, CPU averaged by time. Their entries' sequence numbers are
         * kept apart (run {@code i}'s become {@code i * 10,000,000 + seq}), so the check against PostgreSQL still
         * tells one entry from another; the runs must use different phone prefixes.
         */
        public static Result combine(List<Result> runs) {
            Result all = new Result();
            all.startNanos = runs.get(0).startNanos;
            all.startedAt = runs.get(0).startedAt;
            Map<String, Double> coreSeconds = new TreeMap<>();
            for (int i = 0; i < runs.size(); i++) {
                Result run = runs.get(i);
                all.latency.addAll(run.latency);
                run.statuses.forEach((status, n) -> all.statuses.computeIfAbsent(status, x -> new AtomicInteger()).addAndGet(n.get()));
                for (Accepted a : run.accepted) {
                    all.accepted.add(new Accepted(i * SEQ_SPACING + a.seq(), a.entryNumber(), a.scheduledAt(), a.answeredAt()));
                }
                all.attempts.addAndGet(run.attempts.get());
                all.replays.addAndGet(run.replays.get());
                all.mismatchedReplays.addAndGet(run.mismatchedReplays.get());
                all.sent.addAndGet(run.sent.get());
                all.unanswered += run.unanswered;
                all.ownGcCount += run.ownGcCount;
                all.ownGcMillis += run.ownGcMillis;
                all.seconds += run.seconds;
                run.cpu.forEach((part, cores) -> coreSeconds.merge(part, cores * run.seconds, Double::sum));
            }
            Map<String, Double> cpu = new LinkedHashMap<>();
            runs.get(0).cpu.keySet().forEach(part -> cpu.put(part, coreSeconds.get(part) / all.seconds));
            all.cpu = cpu;
            return all;
        }

        public String statusSummary() {
            StringBuilder s = new StringBuilder();
            new TreeMap<>(statuses).forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append('×').append(v));
            return s.toString();
        }
    }

    private Intake() {
    }

    public static String body(String phone) {
        return "{\"name\":\"김민수\",\"phone\":\"" + phone + "\",\"entryPath\":\"STORE_VISIT\",\"consent\":true}";
    }

    public static String phone(String prefix, int seq) {
        return prefix + String.format("%08d", seq);
    }

    public static Result run(String baseUrl, Config config, Map<String, Long> pidsToMeter) throws InterruptedException {
        ExecutorService http = Executors.newFixedThreadPool(2, named("bench-load-http"));
        Api api = new Api(baseUrl, http);
        ThreadPoolExecutor clients = clientThreads(config);
        Result result = new Result();
        AtomicInteger next = new AtomicInteger();
        if (config.ratePerSecond() > 0) {
            preopenConnections(api, config, clients);
        }
        CpuMeter cpu = CpuMeter.loadGenerator(pidsToMeter).start();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(named("bench-meter"));
        sampler.scheduleAtFixedRate(cpu::sample, 1, 1, TimeUnit.SECONDS);
        long[] gcBefore = ownGc();
        // the clock starts after the meters: reading every thread's and process's CPU takes milliseconds, which the
        // first entries' latency would otherwise carry
        long start = System.nanoTime();
        result.startNanos = start;
        result.startedAt = Instant.now();
        long end = start + config.duration().toNanos();
        if (config.ratePerSecond() > 0) {
            double interval = 1e9 / config.ratePerSecond();
            for (int i = 0; i < config.maxEntries(); i++) {
                long due = start + (long) (i * interval);
                if (due > end) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int seq = next.getAndIncrement();
                clients.execute(() -> send(api, config, seq, due, end, result));
            }
        } else {
            for (int c = 0; c < config.clients(); c++) {
                clients.execute(() -> {
                    for (int seq = next.getAndIncrement(); seq < config.maxEntries() && System.nanoTime() < end; seq = next.getAndIncrement()) {
                        send(api, config, seq, System.nanoTime(), end, result);
                    }
                });
            }
        }
        clients.shutdown();
        long graceMillis = config.retryUntilAnswered() ? 120_000 : 30_000;
        if (!clients.awaitTermination(config.duration().toMillis() + graceMillis, TimeUnit.MILLISECONDS)) {
            Bench.log("intake: clients still busy after the grace period; stopping them");
        }
        cpu.sample();
        result.seconds = (System.nanoTime() - start) / 1e9;
        result.cpu = cpu.stop();
        long[] gcAfter = ownGc();
        result.ownGcCount = gcAfter[0] - gcBefore[0];
        result.ownGcMillis = gcAfter[1] - gcBefore[1];
        clients.shutdownNow();
        sampler.shutdownNow();
        http.shutdownNow();
        result.unanswered = result.sent.get() - result.statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        return result;
    }

    /**
     * The clients' threads, all started before the run's clock is: a fixed pool starts a new thread for each task
     * until it is full, and does so on the submitting thread, which in a paced run is the pacing thread inside the
     * measured time; started first, the first few hundred entries do not carry it.
     */
    static ThreadPoolExecutor clientThreads(Config config) {
        ThreadPoolExecutor clients = new ThreadPoolExecutor(config.clients(), config.clients(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), named("bench-load-client"));
        clients.prestartAllCoreThreads();
        return clients;
    }

    /**
     * A paced run measures from each entry's scheduled send, so a connection the client opens on the way would be
     * charged to the server: open them before the clock starts, with as many reads of the event's public page at
     * once (the entry path without its last segment) as there may be entries in flight.
     */
    static void preopenConnections(Api api, Config config, ExecutorService clients) throws InterruptedException {
        String eventPage = config.path().substring(0, config.path().lastIndexOf('/'));
        int connections = Math.min(config.clients(), PREOPENED_CONNECTIONS);
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            clients.execute(() -> {
                try {
                    ready.countDown();
                    go.await();
                    api.get(eventPage, null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        ready.await();
        go.countDown();
        done.await(30, TimeUnit.SECONDS);
    }

    private static void send(Api api, Config config, int seq, long scheduledAt, long end, Result result) {
        String phone = phone(config.phonePrefix(), seq);
        String key = config.retryUntilAnswered() ? "bench-" + config.phonePrefix() + "-" + seq : null;
        String body = body(phone);
        result.sent.incrementAndGet();
        long firstNumber = -1;
        long hardEnd = end + Duration.ofSeconds(config.retryUntilAnswered() ? 110 : 0).toNanos();
        while (true) {
            result.attempts.incrementAndGet();
            Api.Response r = api.postRaw(config.path(), body, key, Duration.ofSeconds(10));
            long now = System.nanoTime();
            boolean definite = r.status() == 201 || r.status() == 409 || r.status() == 400 || r.status() == 404 || r.status() == 422;
            if (definite || !config.retryUntilAnswered() || now > hardEnd) {
                result.statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                if (r.status() == 201) {
                    result.latency.add(now - scheduledAt);
                    Matcher m = ENTRY_NUMBER.matcher(r.body());
                    long number = m.find() ? Long.parseLong(m.group(1)) : -1;
                    if ("true".equals(r.headers().get("idempotent-replayed"))) {
                        result.replays.incrementAndGet();
                    }
                    if (firstNumber >= 0 && firstNumber != number) {
                        result.mismatchedReplays.incrementAndGet();
                    }
                    result.accept(new Accepted(seq, number, scheduledAt, now));
                }
                return;
            }
            // an unknown outcome (connection refused/reset, 5xx, 429): same entry, same key, again
            Bench.sleep(200);
        }
    }

    /** Stop-the-world collections of this JVM so far and their milliseconds (G1's concurrent cycles left out). */
    private static long[] ownGc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("Concurrent")) {
                continue;
            }
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[]{count, millis};
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
