package com.kt.eventmarketing.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerProviderTest {

    @Test
    void embeddedUnlessConfiguredOtherwise() {
        // surefire runs this module without -Pcontainers, so the property is absent here
        assertThat(System.getProperty(ServerProvider.PROPERTY)).isNull();
        assertThat(ServerProvider.configured()).isEqualTo(ServerProvider.EMBEDDED);
    }

    @Test
    void parsesTheProfileValueLeniently() {
        assertThat(ServerProvider.parse("containers")).isEqualTo(ServerProvider.CONTAINERS);
        assertThat(ServerProvider.parse(" Embedded ")).isEqualTo(ServerProvider.EMBEDDED);
    }

    @Test
    void anUnknownProviderNamesThePropertyAndTheChoices() {
        assertThatThrownBy(() -> ServerProvider.parse("podman"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kt.test.servers must be one of embedded, containers, was 'podman'");
    }

    @Test
    void containersWithoutDockerStopWithTheReasonInsteadOfPassing() {
        assertThatThrownBy(() -> ContainerServers.requireDocker(() -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Docker not available: kt.test.servers=containers (-Pcontainers)");
        assertThatCode(() -> ContainerServers.requireDocker(() -> true)).doesNotThrowAnyException();
    }
}
