package com.kt.eventmarketing.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The address ranges of the reverse proxies in front of the gateway (ingress controller, load balancer), in CIDR
 * notation ({@code kt.http.trusted-proxies}, env {@code KT_TRUSTED_PROXIES}, comma-separated). Only a request that
 * arrives from one of them may name its client in {@code X-Forwarded-For}; by default nobody may, because anyone
 * can send that header.
 */
@ConfigurationProperties("kt.http")
public record TrustedProxiesProperties(@DefaultValue List<String> trustedProxies) {
}
