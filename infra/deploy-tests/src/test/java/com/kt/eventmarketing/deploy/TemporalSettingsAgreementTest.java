package com.kt.eventmarketing.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infra/deploy/temporal} is the one place for what our Temporal must carry — namespace, retention, search
 * attributes, dynamic config. The local dev server and server mode read it (TemporalSettings); this test holds
 * compose, the Kubernetes config, the applications' default namespace and the workflow's search attribute keys
 * to it, so a change in one place that is not made everywhere fails the build.
 */
class TemporalSettingsAgreementTest {
    private static final Path SETTINGS = Tools.ROOT.resolve("infra/deploy/temporal/namespace.properties");
    private static final Path DYNAMIC_CONFIG = Tools.ROOT.resolve("infra/deploy/temporal/dynamicconfig.yaml");

    @Test
    void composeRunsTemporalWithTheSharedNamespaceRetentionSearchAttributesAndDynamicConfig() throws IOException {
        Properties settings = settings();
        Map<String, Object> services = map(yaml(Tools.ROOT.resolve(ComposeFileTest.FILE)).get("services"));

        Map<String, Object> temporal = map(services.get("temporal"));
        Map<String, Object> env = map(temporal.get("environment"));
        assertThat(env.get("DEFAULT_NAMESPACE")).isEqualTo(settings.getProperty("namespace"));
        assertThat(env.get("DEFAULT_NAMESPACE_RETENTION")).isEqualTo(settings.getProperty("retention"));
        // the auto-setup image resolves DYNAMIC_CONFIG_FILE_PATH relative to /etc/temporal
        String mounted = "/etc/temporal/" + env.get("DYNAMIC_CONFIG_FILE_PATH");
        List<String> volumes = list(temporal.get("volumes"));
        assertThat(volumes).anySatisfy(volume -> {
            String[] parts = volume.split(":");
            assertThat(Tools.ROOT.resolve("infra/deploy/compose").resolve(parts[0]).normalize()).isEqualTo(DYNAMIC_CONFIG);
            assertThat(parts[1]).isEqualTo(mounted);
        });

        String setup = String.join(" ", list(map(services.get("temporal-setup")).get("command")));
        Matcher loop = Pattern.compile("for sa in ([^;]+);").matcher(setup);
        assertThat(loop.find()).as(setup).isTrue();
        assertThat(List.of(loop.group(1).trim().split("\\s+")))
                .containsExactlyElementsOf(List.of(settings.getProperty("search-attributes").split(",")));
        assertThat(setup).contains("--namespace " + settings.getProperty("namespace") + " ");

        for (var service : services.entrySet()) {
            Object appNamespace = map(service.getValue()).getOrDefault("environment", Map.of()) instanceof Map<?, ?> e
                    ? e.get("KT_TEMPORAL_NAMESPACE") : null;
            if (appNamespace != null) {
                assertThat(appNamespace).as(service.getKey()).isEqualTo(settings.getProperty("namespace"));
            }
        }
    }

    @Test
    void kubernetesAndTheApplicationsUseTheSharedNamespace() throws IOException {
        String namespace = settings().getProperty("namespace");
        String config = Files.readString(RenderedManifests.DIR.resolve("config.yaml"));
        assertThat(config).contains("KT_TEMPORAL_NAMESPACE: " + namespace + "\n");
        String common = Files.readString(Tools.ROOT.resolve("activities/src/main/resources/kt-common.yml"));
        assertThat(common).contains("${KT_TEMPORAL_NAMESPACE:" + namespace + "}");
    }

    @Test
    void theWorkflowUpsertsExactlyTheSharedSearchAttributes() throws IOException {
        String keys = Files.readString(Tools.ROOT.resolve(
                "workflows/src/main/java/com/kt/eventmarketing/events/EventSearchAttributes.java"));
        Set<String> declared = new LinkedHashSet<>();
        Matcher key = Pattern.compile("SearchAttributeKey\\.for(\\w+)\\(\"(\\w+)\"\\)").matcher(keys);
        while (key.find()) {
            declared.add(key.group(2) + ":" + key.group(1));
        }
        assertThat(declared).containsExactlyInAnyOrder(settings().getProperty("search-attributes").split(","));
    }

    @Test
    void dynamicConfigIsTemporalsFileFormat() throws IOException {
        Map<String, Object> dynamic = yaml(DYNAMIC_CONFIG);
        assertThat(dynamic).isNotEmpty();
        for (var entry : dynamic.entrySet()) {
            assertThat(entry.getKey()).matches("[a-z]+\\.[A-Za-z.]+");
            List<Object> values = list(entry.getValue());
            assertThat(values).as(entry.getKey()).isNotEmpty().allSatisfy(v -> assertThat(map(v)).containsKey("value"));
        }
    }

    private static Properties settings() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(SETTINGS)) {
            properties.load(in);
        }
        return properties;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object node) {
        return node == null ? List.of() : new ArrayList<>((List<T>) node);
    }
}
