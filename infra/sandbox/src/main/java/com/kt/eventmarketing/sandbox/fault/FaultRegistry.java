package com.kt.eventmarketing.sandbox.fault;

import com.kt.eventmarketing.sandbox.SandboxProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/** The faults currently set per endpoint group, plus the per-second request counters of the rate limits. */
@Component
public class FaultRegistry {

    private final Map<EndpointGroup, FaultSettings> settings = new EnumMap<>(EndpointGroup.class);
    private final Map<EndpointGroup, long[]> rateWindows = new EnumMap<>(EndpointGroup.class);
    private final Random random;
    private final Clock clock;

    public FaultRegistry(SandboxProperties properties) {
        this.random = new Random(properties.faultSeed());
        this.clock = Clock.systemUTC();
    }

    public synchronized FaultSettings settings(EndpointGroup group) {
        return settings.getOrDefault(group, FaultSettings.NONE);
    }

    public synchronized void set(EndpointGroup group, FaultSettings faults) {
        settings.put(group, faults);
        rateWindows.remove(group);
    }

    public synchronized void reset() {
        settings.clear();
        rateWindows.clear();
    }

    /** Whether this request should fail with a random server error. */
    public synchronized boolean drawsRandomError(EndpointGroup group) {
        double rate = settings(group).errorRate();
        return rate > 0 && random.nextDouble() < rate;
    }

    /** Counts the request in the current one-second window; false when the group's rate limit is exceeded. */
    public synchronized boolean admitWithinRateLimit(EndpointGroup group) {
        int limit = settings(group).rateLimitPerSecond();
        if (limit <= 0) {
            return true;
        }
        long second = clock.millis() / 1000;
        long[] window = rateWindows.computeIfAbsent(group, g -> new long[]{second, 0});
        if (window[0] != second) {
            window[0] = second;
            window[1] = 0;
        }
        window[1]++;
        return window[1] <= limit;
    }
}
