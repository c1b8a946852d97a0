package com.kt.eventmarketing.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis stopped, restarted and flushed twice under participation load: every entry exactly once, and the caches
 * rebuild (a new event's detail follows its workflow).
 */
final class RedisOutage implements FaultScenario {
    private static final Pattern STEP = Pattern.compile("\"step\":\"([A-Z_]+)\"");

    @Override
    public String title() {
        return "Redis stopped, restarted and flushed under participation load";
    }

    @Override
    public void run(FaultContext faults, String label) throws Exception {
        BenchStack stack = faults.stack;
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ParticipationUnderFault l = ParticipationUnderFault.run(faults, Duration.ofSeconds(faults.quick ? 20 : 40), () -> {
            Bench.sleep(4000);
            stack.stopRedis();
            events.add("Redis stopped at 4 s");
            Bench.sleep(faults.quick ? 6000 : 12_000);
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
        l.addRow(faults.results, label, String.join(", ", events), true, null);
        // caches rebuild: a new event's detail (cached 5 min in Redis, evicted by the core activities) must follow
        // the workflow after the restart, i.e. the owner sees SELECT_RECOMMENDATION soon after the AI step
        FlowDriver d = new FlowDriver(faults.api, faults.tokens.get(1 % faults.tokens.size()), FlowDriver.ALL_CHANNELS, 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long id = d.create("REVISIT", deadline);
        FlowDriver.Outcome o = d.drive(id, "SELECT_RECOMMENDATION", deadline);
        String query = temporalStep(stack, id);
        faults.results.add(label + ": caches rebuild (event detail follows the workflow)",
                o.reached() ? "REST showed SELECT_RECOMMENDATION after " + Results.f1(o.seconds()) + " s"
                        : "REST still showed " + o.step() + " after 90 s while the workflow's snapshot query says " + query,
                null, null, "REST step = workflow step within 90 s", o.reached(),
                o.reached() ? null : "the core activity's eviction of the cached view failed on a stale pooled Redis connection "
                        + "(flow.log: 'could not evict cached views … Unexpected end of stream'), so the gateway serves the cached "
                        + "detail until its 5 min TTL");
    }

    /** The step in the workflow's own snapshot query, via the Temporal CLI. */
    private static String temporalStep(BenchStack stack, long eventId) {
        try {
            Process p = new ProcessBuilder(stack.temporalCli().toString(), "workflow", "query", "-w", "event-" + eventId, "--type", "snapshot",
                    "--address", stack.temporalTarget()).redirectErrorStream(true).start();
            String outText = new String(p.getInputStream().readAllBytes());
            p.waitFor(20, TimeUnit.SECONDS);
            Matcher m = STEP.matcher(outText);
            return m.find() ? m.group(1) : "?";
        } catch (Exception e) {
            return "? (" + e + ")";
        }
    }
}
