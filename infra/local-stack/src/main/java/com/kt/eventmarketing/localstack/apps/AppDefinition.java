package com.kt.eventmarketing.localstack.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One application JVM of a stack: its exec jar, command-line arguments and the HTTP port it should bind (0: any,
 * read back from its port file), whether its actuator has a management server of its own (the gateway keeps
 * health details and metrics off its public port; the others serve both on one), and a directory of classes to add
 * to the jar's own (null: none).
 */
public record AppDefinition(String name, Path jar, List<String> args, int port, boolean separateManagement, Path loaderPath) {
    /** Spring Boot's launcher in every exec jar that reads {@code loader.path}; the default one (JarLauncher) takes no additions. */
    static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    public AppDefinition {
        args = List.copyOf(args);
    }

    public static AppDefinition sandbox(Path jar, int port) {
        return new AppDefinition("sandbox", jar, List.of(), port, false, null);
    }

    /** @param managementPort the actuator's own port (0: any) */
    public static AppDefinition gateway(Path jar, int port, int managementPort, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--management.server.port=" + managementPort));
        all.addAll(args);
        return new AppDefinition("api", jar, all, port, true, null);
    }

    /** @param queues a {@link WorkerQueues} value */
    public static AppDefinition workerPool(String pool, Path jar, String queues, int port, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--kt.worker.pool-name=" + pool, "--kt.worker.task-queues=" + queues));
        all.addAll(args);
        return new AppDefinition(pool, jar, all, port, false, null);
    }

    /** The same app with the classes in {@code directory} added (e.g. the benchmark's endpoints to the gateway). */
    public AppDefinition withLoaderPath(Path directory) {
        return new AppDefinition(name, jar, args, port, separateManagement, directory);
    }

    /** The whole command of its JVM: this JVM's java binary, the options, how to run the jar, the arguments. */
    public List<String> command(List<String> jvmOptions) {
        requireJar();
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        if (loaderPath == null) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-Dloader.path=" + loaderPath, "-cp", jar.toString(), PROPERTIES_LAUNCHER));
        }
        command.addAll(commandLine());
        return command;
    }

    /** A missing build fails in a second with the way out, not after a JVM's start-up. */
    public void requireJar() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " does not exist. Build it first: ./mvnw -DskipTests install"
                    + " (or set KT_LOCAL_SERVERS_ONLY=1 to start only the servers)");
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The command-line arguments including the port, as the child JVM gets them. */
    public List<String> commandLine() {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=" + port);
        return all;
    }
}
