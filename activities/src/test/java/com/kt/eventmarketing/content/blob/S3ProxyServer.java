package com.kt.eventmarketing.content.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * S3Proxy (org.gaul:s3proxy), a real S3-compatible server, run as a child java process from its self-contained jar
 * (copied to {@code target/s3proxy/} by the build; embedded, its Jackson, Jetty and AWS SDK would clash with the
 * test classpath). Listens on 127.0.0.1 on a free port, keeps objects in a temporary directory, and checks AWS
 * signatures (V2 or V4) against {@link #ACCESS_KEY}/{@link #SECRET_KEY}. One server per test JVM, stopped at exit.
 */
final class S3ProxyServer {

    static final String ACCESS_KEY = "kt-test-access";
    static final String SECRET_KEY = "kt-test-secret-" + UUID.randomUUID();

    private static S3ProxyServer shared;

    final URI endpoint;
    private final Process process;
    private final Path dir;

    private S3ProxyServer(URI endpoint, Process process, Path dir) {
        this.endpoint = endpoint;
        this.process = process;
        this.dir = dir;
    }

    static synchronized S3ProxyServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "s3proxy-stop"));
        }
        return shared;
    }

    /** Settings for a store in {@code bucket} on this server, with the right keys. */
    BlobStoreProperties.S3 settings(String bucket) {
        return BlobStoreProperties.S3.of(endpoint.toString(), "us-east-1", bucket, ACCESS_KEY, SECRET_KEY);
    }

    private static S3ProxyServer start() {
        Path jar = Path.of(System.getProperty("kt.test.s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the activities build copies "
                    + "S3Proxy there (mvn -pl activities generate-test-resources)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        IllegalStateException failure = new IllegalStateException("S3Proxy did not start");
        for (int attempt = 0; attempt < 3; attempt++) {   // a free port can be taken between probe and bind
            Path dir = null;
            try {
                dir = Files.createTempDirectory("kt-s3proxy");
                Files.createDirectories(dir.resolve("data"));
                int port = freePort();
                URI endpoint = URI.create("http://127.0.0.1:" + port);
                Path properties = dir.resolve("s3proxy.conf");
                Files.writeString(properties, String.join("\n",
                        "s3proxy.endpoint=" + endpoint,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + dir.resolve("data")), StandardCharsets.UTF_8);
                Path log = dir.resolve("s3proxy.log");
                Process process = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx256m",
                        "-jar", jar.toString(), "--properties", properties.toString()))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                S3ProxyServer server = new S3ProxyServer(endpoint, process, dir);
                if (server.awaitListening(port, Duration.ofSeconds(30))) {
                    return server;
                }
                String output = tail(log);
                server.stop();
                failure.addSuppressed(new IllegalStateException("S3Proxy on port " + port + " exited or never "
                        + "listened; its output:\n" + output));
            } catch (IOException e) {
                failure.addSuppressed(e);
                deleteQuietly(dir);
            }
        }
        throw failure;
    }

    private boolean awaitListening(int port, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private void stop() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(dir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory; best effort
        }
    }
}
