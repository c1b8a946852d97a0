package com.kt.eventmarketing.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address of the client behind a request, for per-client limits (participation intake, login and sign-up).
 * Behind an ingress every request comes from the proxy, so limiting by the socket's address would throttle every
 * customer together; trusting {@code X-Forwarded-For} from anyone would let each request pick its own address.
 * So the header is read only when the connection comes from a configured proxy range, from the right (the hop our
 * proxies appended) leftwards over further trusted proxies; the first address that is not a trusted proxy is the
 * client.
 */
@Component
public class ClientAddresses {
    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Cidr> trusted;

    public ClientAddresses(TrustedProxiesProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (var headers = request.getHeaders(FORWARDED_FOR); headers.hasMoreElements(); ) {
            for (String hop : headers.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        Collections.reverse(hops);
        String client = peer;
        for (String hop : hops) {
            if (!isLiteralAddress(hop)) {
                break; // garbage in the chain: stop at the last address a trusted proxy vouched for
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        if (trusted.isEmpty() || !isLiteralAddress(address)) {
            return false;
        }
        byte[] bytes = literal(address);
        return trusted.stream().anyMatch(c -> c.contains(bytes));
    }

    /** Only IP literals: a host name here would make InetAddress resolve it through DNS. */
    private static boolean isLiteralAddress(String value) {
        return value.matches("[0-9.]+") || value.contains(":") && value.matches("[0-9a-fA-F:.]+");
    }

    private static byte[] literal(String address) {
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return new byte[0];
        }
    }

    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!isLiteralAddress(host)) {
                throw new IllegalArgumentException("kt.http.trusted-proxies: '" + text + "' is not an IP range (a.b.c.d/n or IPv6/n)");
            }
            byte[] network = literal(host);
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (network.length == 0 || prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("kt.http.trusted-proxies: '" + text + "' is not an IP range");
            }
            return new Cidr(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
