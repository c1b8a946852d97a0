package com.kt.eventmarketing.bench;

import com.kt.eventmarketing.gateway.bench.BareEchoController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the harness adds to the gateway it starts and the production jar lacks: {@link BareEchoController}. Its
 * class file is copied out of the harness's own class path into a directory of its own, which the gateway gets as
 * Spring Boot's {@code loader.path} ({@code AppDefinition.withLoaderPath}); handing it the harness's whole output
 * instead would put every harness class beside the gateway's.
 */
final class GatewayBenchClasses {
    static final List<Class<?>> CLASSES = List.of(BareEchoController.class);

    private GatewayBenchClasses() {
    }

    /** Writes the classes under {@code dir} (package directories included) and returns it. */
    static Path writeTo(Path dir) {
        try {
            for (Class<?> type : CLASSES) {
                String resource = type.getName().replace('.', '/') + ".class";
                Path target = dir.resolve(resource);
                Files.createDirectories(target.getParent());
                try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException(resource + " is not on the harness's class path");
                    }
                    Files.copy(in, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
