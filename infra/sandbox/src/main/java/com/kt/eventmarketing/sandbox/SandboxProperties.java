package com.kt.eventmarketing.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param faultSeed seed of the random error injection, so that a run with an error rate is repeatable
 */
@ConfigurationProperties("sandbox")
public record SandboxProperties(@DefaultValue("42") long faultSeed) {
}
