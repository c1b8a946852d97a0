package com.kt.eventmarketing.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Optional;

/**
 * One HTTP server standing in for every third party the product calls (AI, image API, channels, notifications).
 * It speaks each provider's wire shape, injects faults on demand and records every request; state is in memory.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SandboxApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SandboxApplication.class);
        // a launcher that let it bind port 0 reads the ports it got there (the actuator's in <name>-management.<ext>)
        Optional.ofNullable(System.getenv("KT_PORT_FILE")).map(WebServerPortFileWriter::new).ifPresent(application::addListeners);
        application.run(args);
    }
}
