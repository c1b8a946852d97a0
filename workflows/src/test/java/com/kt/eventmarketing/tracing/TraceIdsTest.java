package com.kt.eventmarketing.tracing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceIdsTest {

    @Test
    void theTraceIdOfAW3cTraceparentWins() {
        assertThat(TraceIds.fromRequest("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "my-own-trace-id"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceIds.fromRequest(" 00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01 ", null))
                .as("trimmed, lowercase").isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void anInvalidTraceparentFallsBackToXTraceIdOrNothing() {
        assertThat(TraceIds.fromRequest("00-00000000000000000000000000000000-00f067aa0ba902b7-01", "fallback-1234"))
                .as("all-zero trace-id is invalid").isEqualTo("fallback-1234");
        assertThat(TraceIds.fromRequest("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null))
                .as("version ff is invalid").isNull();
        assertThat(TraceIds.fromRequest("garbage", null)).isNull();
        assertThat(TraceIds.fromRequest(null, "short")).as("under 8 characters").isNull();
        assertThat(TraceIds.fromRequest(null, "bad\nheader-injection")).isNull();
        assertThat(TraceIds.fromRequest(null, "x".repeat(65))).isNull();
        assertThat(TraceIds.fromRequest(null, null)).isNull();
    }

    @Test
    void newTraceIdsAre32HexDigitsAndDiffer() {
        String a = TraceIds.newTraceId();
        assertThat(a).matches("[0-9a-f]{32}");
        assertThat(TraceIds.newTraceId()).isNotEqualTo(a);
    }

    @Test
    void theEventIdComesFromEventWorkflowIdsOnly() {
        assertThat(TraceIds.eventIdOf("event-42")).isEqualTo("42");
        assertThat(TraceIds.eventIdOf("analytics-channel-stats-run")).isNull();
        assertThat(TraceIds.eventIdOf(null)).isNull();
    }
}
