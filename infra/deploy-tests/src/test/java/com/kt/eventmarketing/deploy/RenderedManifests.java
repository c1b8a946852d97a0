package com.kt.eventmarketing.deploy;

import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code infra/deploy/kubernetes} as {@code kubectl apply -k} sees it: the worker pools are a Kustomize base and one
 * overlay per pool, so the files alone say little; every check reads what the pinned kustomize renders.
 */
final class RenderedManifests {
    static final Path DIR = Tools.ROOT.resolve("infra/deploy/kubernetes");
    private static Path rendered;

    private RenderedManifests() {
    }

    static void assumeKustomize() {
        assumeTrue(Tools.get().containsKey("KT_KUSTOMIZE"), "SKIPPED: kustomize unavailable (Go missing?): " + Tools.get()
                + " — run infra/scripts/ensure-deploy-tools.sh on a machine with Go");
    }

    /** The output of {@code kustomize build infra/deploy/kubernetes}, written once per run under target/. */
    static synchronized Path file() throws Exception {
        if (rendered == null) {
            Tools.Result result = Tools.run(List.of(Tools.get().get("KT_KUSTOMIZE"), "build", DIR.toString()), 120);
            assertThat(result.exit()).as("kustomize build: " + result.err()).isZero();
            Path out = Tools.ROOT.resolve("infra/deploy-tests/target/kubernetes-rendered.yaml");
            Files.createDirectories(out.getParent());
            Files.writeString(out, result.out());
            rendered = out;
        }
        return rendered;
    }

    /** Freshly parsed on every call, so a test may edit what it gets. */
    static List<Map<String, Object>> documents() throws Exception {
        return loadAll(file());
    }

    static List<Map<String, Object>> loadAll(Path file) throws Exception {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            if (doc != null) {
                @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) doc;
                docs.add(m);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("missing " + key + " in " + parent.keySet()).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as("missing " + key).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
