package com.kt.eventmarketing.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One HTTP server standing in for every third party the product calls (AI, image API, channels, notifications).
 * It speaks each provider's wire shape, injects faults on demand and records every request; state is in memory.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(SandboxApplication.class, args);
    }
}
