package com.kt.eventmarketing.gateway.security;

import com.kt.eventmarketing.gateway.web.TooManyRequestsException;
import com.kt.eventmarketing.shared.crypto.KeyedHasher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Throttles login and sign-up per client address and per account before any BCrypt work is done, so neither
 * credential stuffing nor a flood of password hashing is free. Accounts are bucketed by a keyed hash of the
 * normalised email, which keeps addresses out of Redis. Refusals are counted in {@code kt.auth.throttled}.
 */
@Component
public class AuthThrottle {
    private final SlidingWindowLimiter limiter;
    private final AuthThrottleProperties limits;
    private final KeyedHasher hasher;
    private final MeterRegistry meters;

    public AuthThrottle(SlidingWindowLimiter limiter, AuthThrottleProperties limits, KeyedHasher hasher, MeterRegistry meters) {
        this.limiter = limiter;
        this.limits = limits;
        this.hasher = hasher;
        this.meters = meters;
    }

    public void login(String clientAddress, String email) {
        admit("login", clientAddress, email, limits.loginPerClient(), limits.loginPerAccount());
    }

    public void register(String clientAddress, String email) {
        admit("register", clientAddress, email, limits.registerPerClient(), limits.registerPerAccount());
    }

    private void admit(String action, String clientAddress, String email, AuthThrottleProperties.Limit perClient,
                       AuthThrottleProperties.Limit perAccount) {
        String account = hasher.hash(email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
        SlidingWindowLimiter.Bucket client = new SlidingWindowLimiter.Bucket("auth:rl:" + action + ":client:" + clientAddress, perClient);
        SlidingWindowLimiter.Bucket accountBucket = new SlidingWindowLimiter.Bucket("auth:rl:" + action + ":account:" + account, perAccount);
        Duration wait = limiter.admit(List.of(client, accountBucket));
        if (!wait.isZero()) {
            // which one is full is not said: naming the account would confirm guesses about it
            meters.counter("kt.auth.throttled", "action", action).increment();
            throw new TooManyRequestsException(action, wait, "Too many " + action + " attempts; try again later");
        }
    }
}
