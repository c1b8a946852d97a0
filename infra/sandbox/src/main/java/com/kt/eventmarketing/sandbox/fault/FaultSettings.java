package com.kt.eventmarketing.sandbox.fault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How one endpoint group misbehaves. Zero values mean "behave normally".
 *
 * @param latencyMs          added to every request before it is answered
 * @param errorRate          share of requests (0..1) answered with 500, drawn from a seeded random
 * @param outage             answer every request with 503
 * @param rateLimitPerSecond more requests than this within one second get 429 with Retry-After (0 = unlimited)
 * @param malformed          AI endpoints answer with text that is not JSON
 */
public record FaultSettings(long latencyMs, double errorRate, boolean outage, int rateLimitPerSecond,
                            boolean malformed) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, false, 0, false);

    /** Admin requests name only the faults they set; the others stay off. */
    @JsonCreator
    static FaultSettings fromJson(@JsonProperty("latencyMs") Long latencyMs, @JsonProperty("errorRate") Double errorRate,
                                  @JsonProperty("outage") Boolean outage,
                                  @JsonProperty("rateLimitPerSecond") Integer rateLimitPerSecond,
                                  @JsonProperty("malformed") Boolean malformed) {
        return new FaultSettings(latencyMs == null ? 0 : latencyMs, errorRate == null ? 0 : errorRate,
                Boolean.TRUE.equals(outage), rateLimitPerSecond == null ? 0 : rateLimitPerSecond,
                Boolean.TRUE.equals(malformed));
    }
}
