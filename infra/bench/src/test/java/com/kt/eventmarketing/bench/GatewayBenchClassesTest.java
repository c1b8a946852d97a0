package com.kt.eventmarketing.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's loader.path gets the echo controller, loadable from there alone, and no other harness class. */
class GatewayBenchClassesTest {

    @Test
    void writesOnlyTheEchoControllerWhereAClassLoaderFindsIt(@TempDir Path dir) throws Exception {
        GatewayBenchClasses.writeTo(dir);
        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).containsExactly(dir.resolve("com/kt/eventmarketing/gateway/bench/BareEchoController.class"));
        // no parent with the harness on it: the class must come from the directory itself
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> echo = Class.forName("com.kt.eventmarketing.gateway.bench.BareEchoController", false, loader);
            assertThat(echo.getClassLoader()).isSameAs(loader);
        }
    }
}
