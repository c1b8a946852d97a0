package com.kt.eventmarketing.participation.verification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Phone verification by SMS code, for events whose owner turned it on ({@code kt.participation.phone-verification.*}).
 *
 * @param codeTtl       how long a code can be used
 * @param maxAttempts   wrong answers allowed per code; then a new code is needed
 * @param resendAfter   the least time between two codes to the same phone for the same event
 * @param maxSendsPerDay codes per phone per event within 24 hours
 */
@ConfigurationProperties("kt.participation.phone-verification")
public record PhoneVerificationProperties(
        @DefaultValue("5m") Duration codeTtl,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("60s") Duration resendAfter,
        @DefaultValue("5") int maxSendsPerDay) {
}
