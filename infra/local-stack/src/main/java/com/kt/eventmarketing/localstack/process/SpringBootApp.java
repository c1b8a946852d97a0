package com.kt.eventmarketing.localstack.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts an executable Spring Boot jar in a child JVM that uses the same java binary as this one. */
public final class SpringBootApp {
    private SpringBootApp() {
    }

    public static ChildProcess start(String name, Path jar, List<String> args, Map<String, String> environment) {
        return start(name, jar, List.of(), args, environment);
    }

    public static ChildProcess start(String name, Path jar, List<String> jvmOptions, List<String> args, Map<String, String> environment) {
        return ChildProcess.start(name, command(name, jar, jvmOptions, args), environment, jar.toAbsolutePath().getParent());
    }

    private static List<String> command(String name, Path jar, List<String> jvmOptions, List<String> args) {
        requireJar(name, jar);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return command;
    }

    /** As {@link #start}, its output appended to {@code logFile}. */
    public static ChildProcess startLoggingTo(String name, Path jar, List<String> jvmOptions, List<String> args,
                                              Map<String, String> environment, Path logFile) {
        return ChildProcess.startLoggingTo(name, command(name, jar, jvmOptions, args), environment, logFile);
    }

    public static void requireJar(String name, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " does not exist. Build it first: ./mvnw -DskipTests install"
                    + " (or set KT_LOCAL_SERVERS_ONLY=1 to start only the servers)");
        }
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
