package com.kt.eventmarketing.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagementPortCheckTest {
    @Test
    void theActuatorOnTheApiPortIsRefused() {
        assertThatThrownBy(() -> new ManagementPortCheck(new MockEnvironment()
                .withProperty("server.port", "8080").withProperty("management.server.port", "8080")))
                .hasMessageContaining("KT_MANAGEMENT_PORT");
        assertThatThrownBy(() -> new ManagementPortCheck(new MockEnvironment().withProperty("server.port", "8080")))
                .hasMessageContaining("KT_MANAGEMENT_PORT");
    }

    @Test
    void separatePortsOrTwoRandomOnesAreFine() {
        assertThatCode(() -> new ManagementPortCheck(new MockEnvironment()
                .withProperty("server.port", "8080").withProperty("management.server.port", "9080"))).doesNotThrowAnyException();
        assertThatCode(() -> new ManagementPortCheck(new MockEnvironment()
                .withProperty("server.port", "0").withProperty("management.server.port", "0"))).doesNotThrowAnyException();
    }
}
