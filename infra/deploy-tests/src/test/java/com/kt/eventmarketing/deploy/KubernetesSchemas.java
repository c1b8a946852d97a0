package com.kt.eventmarketing.deploy;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds the JSON schemas kubeconform validates against, offline, the way kubeconform's own schema repository is
 * built (openapi2jsonschema, "standalone-strict"): one file per kind named {@code <kind>-<group>-<version>.json},
 * every object schema closed ({@code additionalProperties: false}) so a misspelt field fails, IntOrString and
 * Quantity accepting a number or a string. Kubernetes kinds come from an OpenAPI v2 document, KEDA's from the
 * {@code openAPIV3Schema} of its CustomResourceDefinitions.
 */
final class KubernetesSchemas {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KubernetesSchemas() {
    }

    /** The file name kubeconform looks for with {@code -schema-location <dir>/{{ .ResourceKind }}{{ .KindSuffix }}.json}. */
    static String fileName(String kind, String apiVersion) {
        String[] groupParts = apiVersion.split("/");
        String suffix = "-" + groupParts[0].split("\\.")[0].toLowerCase(Locale.ROOT);
        if (groupParts.length > 1) {
            suffix += "-" + groupParts[1].toLowerCase(Locale.ROOT);
        }
        return kind.toLowerCase(Locale.ROOT) + suffix + ".json";
    }

    /**
     * Writes the schemas of the wanted "apiVersion kind" pairs (each Kubernetes file embeds all definitions, so
     * not every kind is written); returns the pairs written.
     */
    static Set<String> generate(Path swagger, Path kedaCrds, Set<String> wanted, Path out) throws IOException {
        Files.createDirectories(out);
        Set<String> written = new TreeSet<>();
        ObjectNode doc = (ObjectNode) JSON.readTree(swagger.toFile());
        ObjectNode definitions = (ObjectNode) doc.get("definitions");
        definitions.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", oneOf("string", "integer"));
        definitions.set("io.k8s.apimachinery.pkg.api.resource.Quantity", oneOf("string", "number"));
        for (Map.Entry<String, JsonNode> definition : new ArrayList<>(definitions.properties())) {
            closeObjects(definition.getValue());
        }
        for (Map.Entry<String, JsonNode> definition : definitions.properties()) {
            JsonNode gvks = definition.getValue().path("x-kubernetes-group-version-kind");
            for (JsonNode gvk : gvks) {
                String group = gvk.path("group").asString();
                String apiVersion = group.isEmpty() ? gvk.path("version").asString() : group + "/" + gvk.path("version").asString();
                String kind = gvk.path("kind").asString();
                if (!wanted.contains(apiVersion + " " + kind)) {
                    continue;
                }
                ObjectNode schema = JSON.createObjectNode();
                schema.put("$schema", "http://json-schema.org/draft-07/schema#");
                schema.set("definitions", definitions);
                schema.set("allOf", JSON.createArrayNode().add(JSON.createObjectNode().put("$ref", "#/definitions/" + definition.getKey())));
                JSON.writeValue(out.resolve(fileName(kind, apiVersion)).toFile(), schema);
                written.add(apiVersion + " " + kind);
            }
        }
        try (Stream<Path> crds = Files.list(kedaCrds)) {
            for (Path crd : crds.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Map<String, Object> yaml;
                try (Reader reader = Files.newBufferedReader(crd)) {
                    yaml = new Yaml().load(reader);
                }
                JsonNode spec = JSON.valueToTree(yaml).path("spec");
                String group = spec.path("group").asString();
                String kind = spec.path("names").path("kind").asString();
                for (JsonNode version : spec.path("versions")) {
                    JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    closeObjects(schema);
                    ((ObjectNode) schema).put("$schema", "http://json-schema.org/draft-07/schema#");
                    String apiVersion = group + "/" + version.path("name").asString();
                    JSON.writeValue(out.resolve(fileName(kind, apiVersion)).toFile(), schema);
                    written.add(apiVersion + " " + kind);
                }
            }
        }
        return written;
    }

    private static ObjectNode oneOf(String... types) {
        ArrayNode options = JSON.createArrayNode();
        for (String type : types) {
            options.add(JSON.createObjectNode().put("type", type));
        }
        ObjectNode node = JSON.createObjectNode();
        node.set("oneOf", options);
        return node;
    }

    /** Schema-aware walk: every schema with properties and no rule for others is closed. */
    private static void closeObjects(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.path("properties").isObject()) {
            for (JsonNode property : node.path("properties")) {
                closeObjects(property);
            }
            if (!node.has("additionalProperties") && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                node.put("additionalProperties", false);
            }
        }
        closeObjects(node.get("items"));
        closeObjects(node.get("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            for (JsonNode option : node.path(combinator)) {
                closeObjects(option);
            }
        }
    }
}
