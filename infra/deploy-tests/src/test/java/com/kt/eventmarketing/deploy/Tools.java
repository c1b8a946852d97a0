package com.kt.eventmarketing.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds the validation tools that {@code infra/scripts/ensure-deploy-tools.sh} installs. When the environment does
 * not name them (Maven run without the script), the test runs the script itself, so a machine with Go always
 * validates; only where Go is missing do the tools stay missing, and the tests say so.
 */
final class Tools {
    static final Path ROOT = findRoot();
    private static Map<String, String> found;

    private Tools() {
    }

    static synchronized Map<String, String> get() {
        if (found == null) {
            Map<String, String> env = new HashMap<>();
            for (String key : List.of("KT_KUSTOMIZE", "KT_KUBECONFORM", "KT_K8S_SWAGGER", "KT_KEDA_CRDS", "KT_COMPOSE")) {
                String value = System.getenv(key);
                if (value != null && !value.isBlank()) {
                    env.put(key, value);
                }
            }
            if (env.size() < 5) {
                env.putAll(fromScript());
            }
            found = env;
        }
        return found;
    }

    private static Map<String, String> fromScript() {
        Map<String, String> env = new HashMap<>();
        try {
            Result r = run(List.of("bash", "-c", "source infra/scripts/ensure-deploy-tools.sh >&2; env | grep '^KT_' || true"), 900);
            System.err.println(r.err);
            for (String line : r.out.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (Exception e) {
            System.err.println("ensure-deploy-tools.sh failed: " + e);
        }
        return env;
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kt-tool", ".out");
        Path err = Files.createTempFile("kt-tool", ".err");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("infra/deploy"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root (with infra/deploy) not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
