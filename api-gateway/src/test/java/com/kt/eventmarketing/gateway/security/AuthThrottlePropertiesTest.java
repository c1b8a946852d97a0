package com.kt.eventmarketing.gateway.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthThrottlePropertiesTest {
    @Test
    void unsetLimitsGetTheDocumentedDefaults() {
        AuthThrottleProperties defaults = new AuthThrottleProperties(null, null, null, null);
        assertThat(defaults.loginPerClient()).isEqualTo(new AuthThrottleProperties.Limit(20, Duration.ofMinutes(1)));
        assertThat(defaults.loginPerAccount()).isEqualTo(new AuthThrottleProperties.Limit(10, Duration.ofMinutes(15)));
        assertThat(defaults.registerPerClient()).isEqualTo(new AuthThrottleProperties.Limit(10, Duration.ofHours(1)));
        assertThat(defaults.registerPerAccount()).isEqualTo(new AuthThrottleProperties.Limit(3, Duration.ofHours(1)));
    }

    @Test
    void aLimitWithOnlyItsMaximumSetIsRefusedRatherThanFailingOnTheFirstLogin() {
        assertThatThrownBy(() -> new AuthThrottleProperties.Limit(50, null)).hasMessageContaining("positive window");
        assertThatThrownBy(() -> new AuthThrottleProperties.Limit(0, Duration.ofMinutes(1))).hasMessageContaining("max >= 1");
    }
}
