package com.kt.eventmarketing.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.kt.eventmarketing.deploy.RenderedManifests.documents;
import static com.kt.eventmarketing.deploy.RenderedManifests.list;
import static com.kt.eventmarketing.deploy.RenderedManifests.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Kubernetes manifests as {@code kustomize build infra/deploy/kubernetes} renders them: every document passes
 * kubeconform {@code -strict} against schemas built offline (Kubernetes OpenAPI and KEDA CRDs, see
 * {@link KubernetesSchemas}; nothing is skipped, no {@code -ignore-missing-schemas}), a broken manifest is rejected (so the
 * check is not vacuous), and the operational rules hold: per pool a Deployment, Service, PDB and a KEDA ScaledObject
 * with the Temporal scaler on exactly that pool's task queues (including {@code analytics}, which follows
 * {@code distribution}); probes, requests and limits; a termination grace period longer than the pool's shutdown grace;
 * every task queue served by some pool.
 */
class KubernetesManifestsTest {
    /** shared.TaskQueues.ALL. */
    static final List<String> TASK_QUEUES = List.of("event-workflow", "ai", "content", "distribution", "core", "analytics");

    /**
     * The queues a pool polls: {@code KT_WORKER_TASK_QUEUES}, plus {@code analytics} where WorkerPool adds it (a pool
     * with {@code distribution}, unless {@code KT_ANALYTICS_STATS_WORKER_ENABLED} says otherwise).
     */
    static List<String> polledQueues(String taskQueues, String analyticsOverride) {
        List<String> queues = new ArrayList<>(List.of(taskQueues.split(",")));
        boolean analytics = analyticsOverride == null || analyticsOverride.isBlank()
                ? queues.contains("distribution") : Boolean.parseBoolean(analyticsOverride.trim());
        if (analytics) {
            queues.add("analytics");
        }
        return queues;
    }
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Path schemas;

    @BeforeAll
    static void schemas() throws Exception {
        RenderedManifests.assumeKustomize();
        Map<String, String> tools = Tools.get();
        assumeTrue(tools.containsKey("KT_KUBECONFORM") && tools.containsKey("KT_K8S_SWAGGER") && tools.containsKey("KT_KEDA_CRDS"),
                "SKIPPED: kubeconform or its schema modules unavailable (Go missing?): " + tools
                        + " — run infra/scripts/ensure-deploy-tools.sh on a machine with Go");
        schemas = Tools.ROOT.resolve("infra/deploy-tests/target/k8s-schemas");
        Set<String> wanted = new HashSet<>(Set.of("apps/v1 Deployment", "policy/v1 PodDisruptionBudget", "v1 Service"));
        for (Map<String, Object> doc : documents()) {
            wanted.add(doc.get("apiVersion") + " " + doc.get("kind"));
        }
        Set<String> written = KubernetesSchemas.generate(Path.of(tools.get("KT_K8S_SWAGGER")), Path.of(tools.get("KT_KEDA_CRDS")), wanted, schemas);
        assertThat(written).as("a schema for every kind used").containsAll(wanted);
        assertThat(written).contains("apps/v1 Deployment", "policy/v1 PodDisruptionBudget", "v1 Service", "keda.sh/v1alpha1 ScaledObject");
    }

    static Tools.Result kubeconform(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(Tools.get().get("KT_KUBECONFORM"), "-strict", "-summary", "-output", "json",
                "-schema-location", schemas + "/{{ .ResourceKind }}{{ .KindSuffix }}.json"));
        files.forEach(f -> command.add(f.toString()));
        return Tools.run(command, 120);
    }

    @Test
    void everyRenderedManifestPassesKubeconformStrictWithNothingSkipped() throws Exception {
        Tools.Result result = kubeconform(List.of(RenderedManifests.file()));
        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        JsonNode summary = JSON.readTree(result.out()).path("summary");
        assertThat(summary.path("invalid").asInt()).isZero();
        assertThat(summary.path("errors").asInt()).isZero();
        assertThat(summary.path("skipped").asInt()).as("no kind without a schema").isZero();
        assertThat(summary.path("valid").asInt()).isEqualTo(documents().size());
    }

    @Test
    void kubeconformRejectsMisspeltFieldsWrongTypesAndBrokenScaledObjects(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("broken.yaml");
        Files.writeString(broken, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: x }
                spec:
                  replica: 2
                  selector: { matchLabels: { a: b } }
                  template:
                    metadata: { labels: { a: b } }
                    spec: { containers: [ { name: c, image: i, resources: { requests: { cpu: [1] } } } ] }
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: { name: x }
                spec: { maxUnavailable: 1, selectr: { } }
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: { name: x }
                spec:
                  scaleTargetRef: { name: x }
                  minReplicaCount: "one"
                  triggers: [ { metadata: { taskQueue: ai } } ]
                """);
        Tools.Result result = kubeconform(List.of(broken));
        assertThat(result.exit()).isNotZero();
        assertThat(JSON.readTree(result.out()).path("summary").path("invalid").asInt()).as(result.out()).isEqualTo(3);
        assertThat(result.out()).contains("replica").contains("selectr").contains("minReplicaCount");
    }

    @Test
    void eachPoolHasDeploymentServicePdbAndATemporalScaledObjectOnItsQueues() throws Exception {
        Map<String, Map<String, Object>> byKindName = new HashMap<>();
        for (Map<String, Object> doc : documents()) {
            byKindName.put(doc.get("kind") + "/" + map(doc, "metadata").get("name"), doc);
        }
        Set<String> served = new HashSet<>();
        List<String> pools = byKindName.keySet().stream().filter(k -> k.startsWith("Deployment/workers-")).map(k -> k.substring("Deployment/".length())).sorted().toList();
        assertThat(pools).as("at least two pools").hasSizeGreaterThanOrEqualTo(2);
        for (String pool : pools) {
            Map<String, Object> deployment = byKindName.get("Deployment/" + pool);
            Map<String, Object> podSpec = map(map(map(deployment, "spec"), "template"), "spec");
            Map<String, Object> container = list(podSpec, "containers").get(0);
            Map<String, String> env = new HashMap<>();
            for (Map<String, Object> e : list(container, "env")) {
                env.put((String) e.get("name"), String.valueOf(e.get("value")));
            }
            List<String> queues = polledQueues(env.get("KT_WORKER_TASK_QUEUES"), env.get("KT_ANALYTICS_STATS_WORKER_ENABLED"));
            served.addAll(queues);
            assertThat(env).containsKey("KT_WORKER_POOL");
            Duration grace = Duration.parse("PT" + env.get("KT_WORKER_SHUTDOWN_GRACE").toUpperCase());
            assertThat(((Number) podSpec.get("terminationGracePeriodSeconds")).longValue())
                    .as(pool + ": SIGTERM grace must exceed the worker's own shutdown grace").isGreaterThan(grace.toSeconds());
            assertThat(map(map(container, "readinessProbe"), "httpGet").get("path")).isEqualTo("/actuator/health/readiness");
            assertThat(map(map(container, "livenessProbe"), "httpGet").get("path")).isEqualTo("/actuator/health/liveness");
            assertThat(map(map(container, "resources"), "requests")).containsKeys("cpu", "memory");
            assertThat(map(map(container, "resources"), "limits")).containsKey("memory");
            assertThat(byKindName).containsKeys("Service/" + pool, "PodDisruptionBudget/" + pool, "ScaledObject/" + pool);

            Map<String, Object> scaled = map(byKindName.get("ScaledObject/" + pool), "spec");
            assertThat(map(scaled, "scaleTargetRef").get("name")).isEqualTo(pool);
            List<String> scaledQueues = new ArrayList<>();
            for (Map<String, Object> trigger : list(scaled, "triggers")) {
                assertThat(trigger.get("type")).isEqualTo("temporal");
                scaledQueues.add((String) map(trigger, "metadata").get("taskQueue"));
            }
            assertThat(scaledQueues).as(pool + " scales on the backlog of exactly its queues").containsExactlyInAnyOrderElementsOf(queues);
        }
        assertThat(served).containsExactlyInAnyOrderElementsOf(TASK_QUEUES);
        assertThat(byKindName).containsKeys("Deployment/api-gateway", "Service/api-gateway", "PodDisruptionBudget/api-gateway",
                "ConfigMap/kt-config", "Secret/kt-secrets");
    }

    /** Health details and metrics live on the gateway's management port, which the Service does not expose. */
    @Test
    void gatewayProbesAndScrapingUseTheManagementPortWhichTheServiceDoesNotExpose() throws Exception {
        Map<String, Object> deployment = null;
        Map<String, Object> service = null;
        for (Map<String, Object> doc : documents()) {
            if ("api-gateway".equals(map(doc, "metadata").get("name"))) {
                if ("Deployment".equals(doc.get("kind"))) {
                    deployment = doc;
                } else if ("Service".equals(doc.get("kind"))) {
                    service = doc;
                }
            }
        }
        assertThat(deployment).isNotNull();
        Map<String, Object> template = map(map(deployment, "spec"), "template");
        Map<String, Object> container = list(map(template, "spec"), "containers").get(0);
        String managementPort = null;
        for (Map<String, Object> port : list(container, "ports")) {
            if ("management".equals(port.get("name"))) {
                managementPort = String.valueOf(port.get("containerPort"));
            }
        }
        assertThat(managementPort).isNotNull();
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> e : list(container, "env")) {
            env.put((String) e.get("name"), String.valueOf(e.get("value")));
        }
        assertThat(env.get("KT_MANAGEMENT_PORT")).isEqualTo(managementPort);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(map(map(container, probe), "httpGet").get("port")).as(probe).isEqualTo("management");
        }
        assertThat(map(map(template, "metadata"), "annotations").get("prometheus.io/port")).isEqualTo(managementPort);
        for (Map<String, Object> port : list(map(service, "spec"), "ports")) {
            assertThat(port.get("targetPort")).isEqualTo("http");
        }
    }

    /**
     * The image starts every JVM with its whole heap (InitialRAMPercentage = MaxRAMPercentage), so a container uses
     * about its limit from the start: each one must request that much, or the node is overcommitted.
     */
    @Test
    void everyJvmKeepsAFixedHeapAndItsContainerRequestsTheMemoryItLimits() throws Exception {
        String dockerfile = Files.readString(Tools.ROOT.resolve("infra/deploy/docker/Dockerfile"));
        Matcher options = Pattern.compile("ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(dockerfile);
        assertThat(options.find()).as("the image sets JAVA_TOOL_OPTIONS").isTrue();
        Matcher initial = Pattern.compile("-XX:InitialRAMPercentage=(\\S+)").matcher(options.group(1));
        Matcher max = Pattern.compile("-XX:MaxRAMPercentage=(\\S+)").matcher(options.group(1));
        assertThat(initial.find() && max.find()).as(options.group(1)).isTrue();
        assertThat(initial.group(1)).as("initial heap = maximum heap").isEqualTo(max.group(1));
        int deployments = 0;
        for (Map<String, Object> doc : documents()) {
            if ("Deployment".equals(doc.get("kind"))) {
                deployments++;
                Map<String, Object> resources = map(list(map(map(map(doc, "spec"), "template"), "spec"), "containers").get(0), "resources");
                assertThat(map(resources, "requests").get("memory")).as(map(doc, "metadata").get("name") + " requests its memory limit")
                        .isEqualTo(map(resources, "limits").get("memory"));
            }
        }
        assertThat(deployments).isGreaterThanOrEqualTo(3);
    }

    @Test
    void podsAreStatelessAndImagesGoToTheS3Store() throws Exception {
        for (Map<String, Object> doc : documents()) {
            assertThat(doc.get("kind")).as("no volume claims: replicas of any pool must be interchangeable").isNotEqualTo("PersistentVolumeClaim");
            if ("Deployment".equals(doc.get("kind"))) {
                Map<String, Object> podSpec = map(map(map(doc, "spec"), "template"), "spec");
                Object volumes = podSpec.get("volumes");
                if (volumes != null) {
                    for (Map<String, Object> volume : list(podSpec, "volumes")) {
                        assertThat(volume).as(map(doc, "metadata").get("name") + " mounts only scratch space").containsKey("emptyDir");
                    }
                }
            }
            if ("ConfigMap".equals(doc.get("kind")) && "kt-config".equals(map(doc, "metadata").get("name"))) {
                Map<String, Object> data = map(doc, "data");
                assertThat(data).containsEntry("KT_BLOB_TYPE", "s3").containsKey("KT_BLOB_S3_BUCKET").doesNotContainKey("KT_BLOB_DIR");
            }
        }
    }
}
