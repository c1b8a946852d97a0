package com.kt.eventmarketing.shared.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Circuit breaker and bulkhead settings shared by every external system (one breaker per system and per channel).
 *
 * @param failureRateThreshold      percentage of failed calls that opens a breaker
 * @param slowCallDurationThreshold a call slower than this counts as slow
 * @param slowCallRateThreshold     percentage of slow calls that opens a breaker
 * @param slidingWindowSize         number of recent calls the rates are computed over
 * @param minimumNumberOfCalls      calls needed before the rates are judged at all
 * @param waitDurationInOpenState   how long an open breaker rejects calls before letting probes through
 * @param bulkheadMaxConcurrentCalls concurrent calls allowed into one channel
 * @param bulkheadMaxWait           how long a call waits for a free bulkhead slot before failing (retryably)
 * @param permittedCallsInHalfOpenState probe calls let through after the open wait; if fewer than the failure
 *                                      rate of them fail, the breaker closes again, else it reopens
 */
@ConfigurationProperties("kt.external.resilience")
public record ResilienceProperties(@DefaultValue("50") float failureRateThreshold,
                                   @DefaultValue("10s") Duration slowCallDurationThreshold,
                                   @DefaultValue("50") float slowCallRateThreshold,
                                   @DefaultValue("10") int slidingWindowSize,
                                   @DefaultValue("5") int minimumNumberOfCalls,
                                   @DefaultValue("30s") Duration waitDurationInOpenState,
                                   @DefaultValue("10") int bulkheadMaxConcurrentCalls,
                                   @DefaultValue("500ms") Duration bulkheadMaxWait,
                                   @DefaultValue("3") int permittedCallsInHalfOpenState) {
}
