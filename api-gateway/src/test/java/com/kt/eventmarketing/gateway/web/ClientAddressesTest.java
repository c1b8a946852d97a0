package com.kt.eventmarketing.gateway.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {
    private final ClientAddresses behindIngress = new ClientAddresses(new TrustedProxiesProperties(List.of("10.0.0.0/8", "fd00::/8")));

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void withoutConfiguredProxiesTheHeaderIsIgnored() {
        ClientAddresses direct = new ClientAddresses(new TrustedProxiesProperties(List.of()));
        assertThat(direct.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aClientOutsideTheProxyRangesCannotPickItsAddress() {
        assertThat(behindIngress.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindTrustedProxiesEachCustomerIsHimselfAndASpoofedLeftmostHopIsIgnored() {
        assertThat(behindIngress.of(from("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(behindIngress.of(from("10.1.2.3", "198.51.100.2"))).isEqualTo("198.51.100.2");
        // the customer sent "1.2.3.4" himself; the ingress appended his real address, then a second proxy hop
        assertThat(behindIngress.of(from("10.1.2.3", "1.2.3.4, 198.51.100.9", "10.9.9.9"))).isEqualTo("198.51.100.9");
        assertThat(behindIngress.of(from("fd00::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
    }

    @Test
    void aChainOfOnlyProxiesOrGarbageStopsAtTheLastVouchedAddress() {
        assertThat(behindIngress.of(from("10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(behindIngress.of(from("10.1.2.3", "evil.example, 10.0.0.5"))).isEqualTo("10.0.0.5");
    }

    @Test
    void aRangeThatIsNotAnAddressIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ClientAddresses(new TrustedProxiesProperties(List.of("ingress.local/8"))))
                .hasMessageContaining("kt.http.trusted-proxies");
    }
}
