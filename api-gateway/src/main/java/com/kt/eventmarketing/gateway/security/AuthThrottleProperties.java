package com.kt.eventmarketing.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Sliding-window limits of login and sign-up ({@code kt.security.throttle.*}), per client address and per account
 * (the normalised email). Each attempt counts, successful or not: every one costs a BCrypt computation. Defaults:
 * login 20 per client per minute and 10 per account per 15 minutes; sign-up 10 per client per hour and 3 per
 * account per hour. A client is an address, so many owners behind one NAT share its budget; the per-account
 * limit lets anyone lock an account's logins for a window, the usual price of stopping password guessing.
 */
@ConfigurationProperties("kt.security.throttle")
public record AuthThrottleProperties(Limit loginPerClient, Limit loginPerAccount, Limit registerPerClient, Limit registerPerAccount) {
    public AuthThrottleProperties {
        loginPerClient = loginPerClient == null ? new Limit(20, Duration.ofMinutes(1)) : loginPerClient;
        loginPerAccount = loginPerAccount == null ? new Limit(10, Duration.ofMinutes(15)) : loginPerAccount;
        registerPerClient = registerPerClient == null ? new Limit(10, Duration.ofHours(1)) : registerPerClient;
        registerPerAccount = registerPerAccount == null ? new Limit(3, Duration.ofHours(1)) : registerPerAccount;
    }

    /** At most {@code max} attempts in any {@code window}; both must be set, so a half-configured limit stops start-up. */
    public record Limit(int max, Duration window) {
        public Limit {
            if (max < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a kt.security.throttle limit needs max >= 1 and a positive window, got "
                        + max + " per " + window);
            }
        }
    }
}
