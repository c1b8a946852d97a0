package com.kt.eventmarketing.localstack.apps;

import com.kt.eventmarketing.localstack.BuildVersions;

import java.nio.file.Path;

/**
 * The runnable (repackaged) jars a build of this repository leaves in each module's {@code target/}; the plain jar
 * stays the main artifact so modules can depend on it. The version in their names is the build's own
 * ({@link BuildVersions}).
 */
public record ExecJars(Path repositoryRoot) {
    public Path gateway() {
        return jar("api-gateway", "api-gateway");
    }

    public Path workers() {
        return jar("workers", "workers");
    }

    public Path sandbox() {
        return jar("infra/sandbox", "sandbox");
    }

    private Path jar(String module, String artifactId) {
        return repositoryRoot.resolve(module).resolve("target").resolve(artifactId + "-" + BuildVersions.project() + "-exec.jar")
                .toAbsolutePath().normalize();
    }
}
