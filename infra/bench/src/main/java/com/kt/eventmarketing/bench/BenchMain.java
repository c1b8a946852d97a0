package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.localstack.QuietServerLogs;
import com.kt.eventmarketing.localstack.temporal.TemporalMode;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code benchmark [--quick] [--profile] [--temporal=dev,server]}, {@code posters [--quick]} (the poster pipeline's
 * figures alone), {@code intake [--quick] [--profile]} (the participation figures alone), {@code create [--quick] [--temporal=dev,server]} (POST /api/v1/events latency alone) or
 * {@code fault-injection [--quick] [--only=KafkaOutage,...] [--temporal=dev|server|cluster]} (scenarios by name, see
 * {@link FaultInjection#SCENARIOS}): starts its own local stack, runs, prints a table and writes
 * infra/results/&lt;command&gt;.json (and a time-stamped copy). Exit code 1 when a fault scenario's assertion failed
 * (benchmark targets missed are reported, not failures).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: BenchMain benchmark [--quick] [--profile] [--temporal=dev,server] | posters [--quick] | planning [--quick]"
                    + " | intake [--quick] [--profile]"
                    + " | create [--quick] [--temporal=dev,server]"
                    + " | fault-injection [--quick] [--only=" + String.join(",", FaultInjection.SCENARIOS.stream().map(FaultScenario::name).toList())
                    + "] [--temporal=cluster]");
            System.exit(2);
        }
        QuietServerLogs.apply();
        Path repo = Path.of(System.getenv().getOrDefault("KT_REPO_ROOT", ".")).toAbsolutePath().normalize();
        Path out = repo.resolve("infra").resolve("results");
        List<String> options = List.of(args).subList(1, args.length);
        boolean quick = options.contains("--quick");
        Results results;
        String name = args[0];
        switch (name) {
            case "benchmark" -> results = new Benchmarks(repo, out,
                    quick ? Benchmarks.Sizes.quick() : Benchmarks.Sizes.full(), options.contains("--profile"),
                    temporal(options, List.of(TemporalMode.DEV, TemporalMode.SERVER))).run();
            case "fault-injection" -> results = new FaultInjection(repo, out, quick, only(options),
                    temporal(options, List.of(TemporalMode.DEV)).get(0)).run();
            case "posters" -> results = PosterBench.runAlone(repo, out, quick);
            case "planning" -> results = PlanningBench.runAlone(repo, out, quick);
            case "intake" -> results = IntakeBench.runAlone(repo, out, quick, options.contains("--profile"));
            case "create" -> results = CreateBench.runAlone(repo, out, quick,
                    temporal(options, List.of(TemporalMode.DEV, TemporalMode.SERVER)));
            default -> throw new IllegalArgumentException("unknown command " + name);
        }
        System.out.println(results.table());
        Path file = results.write(out, name);
        System.out.println("results: " + file);
        System.exit("fault-injection".equals(name) && !results.allOk() ? 1 : 0);
    }

    /** {@code --temporal=dev,server}: the Temporal backends to run on, in order. */
    private static List<TemporalMode> temporal(List<String> options, List<TemporalMode> defaults) {
        return options.stream().filter(o -> o.startsWith("--temporal=")).findFirst()
                .map(o -> java.util.Arrays.stream(o.substring(11).split(",")).map(TemporalMode::parse).toList())
                .orElse(defaults);
    }

    /** {@code --only=KafkaOutage,GatewayKill}: fault scenarios by name. */
    private static List<String> only(List<String> options) {
        return options.stream().filter(o -> o.startsWith("--only=")).findFirst()
                .map(o -> java.util.Arrays.stream(o.substring(7).split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList())
                .orElse(List.of());
    }
}
