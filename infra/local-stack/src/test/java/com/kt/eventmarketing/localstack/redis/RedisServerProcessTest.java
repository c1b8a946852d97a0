package com.kt.eventmarketing.localstack.redis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
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
            assertThat(RedisServerProcess.answersPing(redis.port())).isTrue();
        }
        assertThat(Files.exists(directory)).as(directory + " removed on close").isFalse();
    }
}
