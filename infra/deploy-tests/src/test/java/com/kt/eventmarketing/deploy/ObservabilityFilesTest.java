package com.kt.eventmarketing.deploy;

import io.temporal.worker.MetricsType;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the Prometheus alert rules: well-formed, the three required alerts present with
 * severity and summary, and every {@code temporal_*} series they query is one the Java SDK really emits
 * ({@link MetricsType}, plus the Prometheus suffixes of a Micrometer timer or counter).
 */
class ObservabilityFilesTest {
    private static final Pattern TEMPORAL_SERIES = Pattern.compile("\\btemporal_[a-z_]+");

    @Test
    void alertRulesCoverBreakersScheduleToStartAndConsumerLag() throws Exception {
        Map<String, Object> rules = new Yaml().load(Files.readString(Tools.ROOT.resolve("infra/deploy/alerts/kt-event-marketing.rules.yaml")));
        List<String> alerts = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object r : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> rule = (Map<?, ?>) r;
                assertThat(rule.get("alert")).isInstanceOf(String.class);
                assertThat((String) rule.get("expr")).isNotBlank();
                assertThat((String) rule.get("for")).matches("\\d+[smh]");
                assertThat(((Map<?, ?>) rule.get("labels")).get("severity")).isIn("warning", "critical");
                assertThat(((Map<?, ?>) rule.get("annotations")).get("summary")).isNotNull();
                alerts.add((String) rule.get("alert"));
                exprs.add((String) rule.get("expr"));
            }
        }
        assertThat(alerts).contains("CircuitBreakerOpen", "ActivityScheduleToStartLatencyHigh", "KafkaConsumerLagHigh",
                "ChannelPublishFailuresHigh");
        assertThat(String.join("\n", exprs)).contains("resilience4j_circuitbreaker_state", "kafka_consumer_fetch_manager_records_lag_max");
        assertSdkSeries(exprs);
        assertOwnSeries(exprs);
    }

    @Test
    void dashboardPanelsQueryPrometheusWithUniqueIds() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Tools.ROOT.resolve("infra/deploy/grafana/kt-event-marketing.json").toFile());
        assertThat(dashboard.path("uid").asString()).isEqualTo("kt-event-marketing");
        Set<Integer> ids = new HashSet<>();
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("unique panel id " + panel.path("id")).isTrue();
            if (!panel.path("type").asString().equals("row")) {
                assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
                panel.path("targets").forEach(t -> exprs.add(t.path("expr").asString()));
            }
        }
        String all = String.join("\n", exprs);
        assertThat(all).contains("temporal_activity_schedule_to_start_latency", "temporal_worker_task_slots_used",
                "resilience4j_circuitbreaker_state", "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds");
        assertThat(all).as("business counters").contains("kt_events_created_total", "kt_distribution_posts_total",
                "kt_participation_accepted_total", "kt_draws_total", "kt_draw_duration_seconds");
        assertSdkSeries(exprs);
        assertOwnSeries(exprs);
    }

    /**
     * The queue panels (schedule-to-start, slots, pollers) split by task_queue and filter none away, so every queue,
     * analytics included, has its own line.
     */
    @Test
    void queuePanelsShowEveryTaskQueue() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Tools.ROOT.resolve("infra/deploy/grafana/kt-event-marketing.json").toFile());
        List<String> queueExprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(t -> {
                String expr = t.path("expr").asString();
                if (expr.matches("(?s).*(schedule_to_start|task_slots|slots_configured|num_pollers).*")) {
                    queueExprs.add(expr);
                }
            });
        }
        assertThat(queueExprs).hasSizeGreaterThanOrEqualTo(6);
        assertThat(queueExprs).allSatisfy(expr -> {
            assertThat(expr).containsPattern("by \\([^)]*\\btask_queue\\b");
            assertThat(expr).doesNotContain("task_queue=", "task_queue!");
        });
        assertThat(KubernetesManifestsTest.TASK_QUEUES).contains("analytics");
    }

    private static final Pattern OWN_SERIES = Pattern.compile("\\bkt_[a-z][a-z_]*[a-z]");

    /** Every kt_* series is a meter some application registers (its dotted name is in a main source file). */
    private static void assertOwnSeries(List<String> exprs) throws java.io.IOException {
        StringBuilder sources = new StringBuilder();
        for (String module : List.of("activities", "workflows", "api-gateway", "workers")) {
            try (var files = Files.walk(Tools.ROOT.resolve(module).resolve("src/main/java"))) {
                for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    sources.append(Files.readString(file));
                }
            }
        }
        for (String expr : exprs) {
            Matcher m = OWN_SERIES.matcher(expr);
            while (m.find()) {
                String meter = m.group().replaceFirst("_(seconds_bucket|seconds_count|seconds_sum|seconds_max|seconds|total)$", "")
                        .replace('_', '.');
                assertThat(sources.toString()).as("a meter named " + meter + " behind " + m.group()).contains("\"" + meter + "\"");
            }
        }
    }

    private static void assertSdkSeries(List<String> exprs) throws IllegalAccessException {
        Set<String> sdk = new HashSet<>();
        for (Field f : MetricsType.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                sdk.add(((String) f.get(null)).replace('.', '_'));
            }
        }
        for (String expr : exprs) {
            Matcher m = TEMPORAL_SERIES.matcher(expr);
            while (m.find()) {
                String base = m.group().replaceFirst("_(seconds_bucket|seconds_count|seconds_sum|seconds_max|total)$", "");
                assertThat(sdk).as("Temporal SDK metric behind " + m.group()).contains(base);
            }
        }
    }
}
