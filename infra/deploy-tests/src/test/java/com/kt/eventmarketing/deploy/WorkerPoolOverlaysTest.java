package com.kt.eventmarketing.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.kt.eventmarketing.deploy.RenderedManifests.documents;
import static com.kt.eventmarketing.deploy.RenderedManifests.list;
import static com.kt.eventmarketing.deploy.RenderedManifests.loadAll;
import static com.kt.eventmarketing.deploy.RenderedManifests.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four worker pools are one base ({@code workers/base}) and an overlay per pool that only names the pool and
 * applies its patch. The rendered pools must differ in nothing but what those patches set, so an edit to the base
 * reaches every pool, and a pool-specific tweak outside the agreed fields (queues, graces, resources, KEDA bound and
 * triggers) has to be made here on purpose rather than slip into one patch.
 */
class WorkerPoolOverlaysTest {
    static final Path WORKERS = RenderedManifests.DIR.resolve("workers");
    static final String POOL_LABEL = "kt.eventmarketing/pool";
    static final Set<String> KINDS = Set.of("Deployment", "Service", "PodDisruptionBudget", "ScaledObject");
    /** Lists a strategic merge patch merges element by element on their name (Kubernetes' patchMergeKey). */
    static final Set<String> MERGED_BY_NAME = Set.of("containers", "env");
    static final String CONTAINER = "spec/template/spec/containers[workers]/";
    static final List<String> PATCHABLE = List.of("Deployment:spec/template/spec/terminationGracePeriodSeconds",
            "Deployment:" + CONTAINER + "env[KT_WORKER_POOL]/value", "Deployment:" + CONTAINER + "env[KT_WORKER_TASK_QUEUES]/value",
            "Deployment:" + CONTAINER + "env[KT_WORKER_SHUTDOWN_GRACE]/value", "Deployment:" + CONTAINER + "resources/",
            "ScaledObject:spec/maxReplicaCount", "ScaledObject:spec/triggers");

    @BeforeAll
    static void kustomize() {
        RenderedManifests.assumeKustomize();
    }

    static List<String> pools() throws Exception {
        try (Stream<Path> dirs = Files.list(WORKERS)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(d -> !d.equals("base")).sorted().toList();
        }
    }

    @Test
    void eachOverlayOnlyNamesItsPoolAndAppliesItsPatches() throws Exception {
        assertThat(pools()).containsExactly("ai", "content", "distribution", "flow");
        for (String pool : pools()) {
            Map<String, Object> overlay = new Yaml().load(Files.readString(WORKERS.resolve(pool).resolve("kustomization.yaml")));
            assertThat(overlay.keySet()).as(pool + ": no transformer besides name, label and patches")
                    .containsExactlyInAnyOrder("apiVersion", "kind", "resources", "nameSuffix", "labels", "patches");
            assertThat(overlay.get("resources")).isEqualTo(List.of("../base"));
            assertThat(overlay.get("nameSuffix")).isEqualTo("-" + pool);
            assertThat(list(overlay, "labels")).containsExactly(Map.of("pairs", Map.of(POOL_LABEL, pool), "includeSelectors", true, "includeTemplates", true));
            for (Map<String, Object> patch : patches(pool)) {
                for (String path : leafPaths(patch)) {
                    assertThat(PATCHABLE).as(pool + " patches " + path + ", which the other pools would not get").anyMatch(path::startsWith);
                }
            }
        }
    }

    @Test
    void renderedPoolsCarryTheirPatchAndAreOtherwiseIdentical() throws Exception {
        List<Map<String, Object>> allPatches = new ArrayList<>();
        for (String pool : pools()) {
            allPatches.addAll(patches(pool));
        }
        Map<String, Map<String, Object>> normalizedByPool = new TreeMap<>();
        for (String pool : pools()) {
            Map<String, Map<String, Object>> byKind = poolDocuments(pool);
            assertThat(byKind.keySet()).as(pool).isEqualTo(KINDS);
            Map<String, String> env = new HashMap<>();
            for (Map<String, Object> e : list(container(byKind.get("Deployment")), "env")) {
                env.put((String) e.get("name"), String.valueOf(e.get("value")));
            }
            assertThat(env).as(pool).containsEntry("KT_WORKER_POOL", pool).containsKeys("KT_WORKER_TASK_QUEUES", "KT_WORKER_SHUTDOWN_GRACE");
            assertThat(map(map(byKind.get("ScaledObject"), "spec"), "scaleTargetRef")).containsEntry("name", "workers-" + pool);
            for (Map<String, Object> patch : patches(pool)) {
                Map<String, Object> target = byKind.get((String) patch.get("kind"));
                assertThat(contains(target, withoutIdentity(patch))).as(pool + ": the rendered " + patch.get("kind") + " carries its patch " + patch).isTrue();
            }
            // every pool's patches, so a field one pool sets (content's resources) is left out of all comparisons
            for (Map<String, Object> patch : allPatches) {
                strip(byKind.get((String) patch.get("kind")), withoutIdentity(patch));
            }
            Map<String, Object> normalized = new TreeMap<>();
            byKind.forEach((kind, doc) -> normalized.put(kind, anonymize(doc, pool)));
            normalizedByPool.put(pool, normalized);
        }
        Map<String, Object> flow = normalizedByPool.get("flow");
        Map<String, Object> container = container(map(flow, "Deployment"));
        assertThat(container).as("the shared part is compared, not stripped away")
                .containsKeys("image", "ports", "envFrom", "startupProbe", "readinessProbe", "livenessProbe", "securityContext");
        assertThat(map(map(flow, "ScaledObject"), "spec")).containsKeys("minReplicaCount", "pollingInterval", "cooldownPeriod", "advanced");
        for (Map.Entry<String, Map<String, Object>> pool : normalizedByPool.entrySet()) {
            assertThat(pool.getValue()).as(pool.getKey() + " differs from flow outside its patch").isEqualTo(flow);
        }
    }

    static Map<String, Map<String, Object>> poolDocuments(String pool) throws Exception {
        Map<String, Map<String, Object>> byKind = new TreeMap<>();
        for (Map<String, Object> doc : documents()) {
            Object labels = map(doc, "metadata").get("labels");
            if (labels instanceof Map<?, ?> l && pool.equals(l.get(POOL_LABEL))) {
                assertThat(byKind.put((String) doc.get("kind"), doc)).as(pool + ": one " + doc.get("kind")).isNull();
            }
        }
        return byKind;
    }

    static List<Map<String, Object>> patches(String pool) throws Exception {
        Map<String, Object> overlay = new Yaml().load(Files.readString(WORKERS.resolve(pool).resolve("kustomization.yaml")));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Map<String, Object> entry : list(overlay, "patches")) {
            assertThat(entry.keySet()).as(pool + ": patches are files").containsExactly("path");
            docs.addAll(loadAll(WORKERS.resolve(pool).resolve((String) entry.get("path"))));
        }
        assertThat(docs).as(pool).isNotEmpty();
        return docs;
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        return list(map(map(map(deployment, "spec"), "template"), "spec"), "containers").get(0);
    }

    /** A patch's apiVersion, kind and metadata say which document it edits, not what it sets. */
    static Map<String, Object> withoutIdentity(Map<String, Object> patch) {
        Map<String, Object> body = new TreeMap<>(patch);
        body.keySet().removeAll(Set.of("apiVersion", "kind", "metadata"));
        return body;
    }

    /** The fields a patch sets, as "Kind:path" with merged list elements named like {@code env[KT_WORKER_POOL]}. */
    static Set<String> leafPaths(Map<String, Object> patch) {
        Set<String> paths = new TreeSet<>();
        collect(withoutIdentity(patch), patch.get("kind") + ":", paths);
        return paths;
    }

    private static void collect(Object node, String path, Set<String> paths) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (MERGED_BY_NAME.contains(k) && v instanceof List<?> elements) {
                    for (Object element : elements) {
                        Map<?, ?> e = (Map<?, ?>) element;
                        Map<Object, Object> rest = new HashMap<>(e);
                        rest.remove("name");
                        collect(rest, path + k + "[" + e.get("name") + "]/", paths);
                    }
                } else {
                    collect(v, path + k + "/", paths);
                }
            });
        } else {
            paths.add(path.substring(0, path.length() - 1));
        }
    }

    /** Whether {@code whole} has everything {@code part} has (merged lists matched by name, other lists whole). */
    static boolean contains(Object whole, Object part) {
        if (part instanceof Map<?, ?> p) {
            if (!(whole instanceof Map<?, ?> w)) {
                return false;
            }
            for (Map.Entry<?, ?> e : p.entrySet()) {
                Object value = w.get(e.getKey());
                boolean ok = MERGED_BY_NAME.contains(e.getKey()) && e.getValue() instanceof List<?> elements
                        ? value instanceof List<?> present && elements.stream().allMatch(x -> present.stream().anyMatch(y -> contains(y, x)))
                        : contains(value, e.getValue());
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
        return part.equals(whole);
    }

    /** Removes from {@code target} what {@code patch} sets; a merged list element keeps its name, so both pools still have it. */
    @SuppressWarnings("unchecked")
    static void strip(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object present = target.get(e.getKey());
            if (e.getValue() instanceof Map<?, ?> p && present instanceof Map<?, ?> t) {
                strip((Map<String, Object>) t, (Map<String, Object>) p);
            } else if (MERGED_BY_NAME.contains(e.getKey()) && e.getValue() instanceof List<?> elements && present instanceof List<?> targets) {
                for (Object element : elements) {
                    Map<String, Object> rest = new HashMap<>((Map<String, Object>) element);
                    Object name = rest.remove("name");
                    targets.stream().map(t -> (Map<String, Object>) t).filter(t -> name.equals(t.get("name"))).forEach(t -> strip(t, rest));
                }
            } else {
                target.remove(e.getKey());
            }
        }
    }

    /** The pool's own name (label value, "workers-pool" names and references) replaced by a placeholder. */
    @SuppressWarnings("unchecked")
    static Object anonymize(Object node, String pool) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> copy = new TreeMap<>();
            m.forEach((k, v) -> copy.put((String) k, POOL_LABEL.equals(k) && pool.equals(v) ? "POOL" : anonymize(v, pool)));
            return copy;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(v -> anonymize(v, pool)).toList();
        }
        return ("workers-" + pool).equals(node) ? "workers-POOL" : node;
    }
}
