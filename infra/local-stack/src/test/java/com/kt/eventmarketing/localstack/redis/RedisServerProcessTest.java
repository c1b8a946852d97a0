package com.kt.eventmarketing.localstack.redis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RedisServerProcessTest {

    @Test
    void anEphemeralServerAnswersAndLeavesNoDirectoryBehind() throws IOException {
        Path directory;
        try (RedisServerProcess redis = RedisServerProcess.ephemeral()) {
            directory = redis.directory();
            assertThat(directory).isDirectory();
            assertThat(ping(redis.port())).isEqualTo("+PONG");
        }
        assertThat(Files.exists(directory)).as(directory + " removed on close").isFalse();
    }

    private static String ping(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII);
        }
    }
}
