package com.kt.eventmarketing.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Optional;

/**
 * The REST edge. It starts, updates, signals and queries workflows but never runs activities: the third-party
 * clients' packages (ai, content, distribution) are not scanned, and the activity implementations and call guards
 * in the packages it does scan are {@link com.kt.eventmarketing.shared.WorkerComponent}s, created only by workers.
 */
// Owners authenticate with JWTs only: no in-memory user (and no generated password in the log).
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ComponentScan(basePackages = {
        "com.kt.eventmarketing.gateway",
        "com.kt.eventmarketing.shared",
        "com.kt.eventmarketing.users",
        "com.kt.eventmarketing.events",
        "com.kt.eventmarketing.participation",
        "com.kt.eventmarketing.analytics",
        "com.kt.eventmarketing.content.api",
        "com.kt.eventmarketing.content.blob"})
@ConfigurationPropertiesScan("com.kt.eventmarketing")
@EntityScan("com.kt.eventmarketing")
@EnableJpaRepositories("com.kt.eventmarketing")
@EnableScheduling
public class ApiGatewayApplication {
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ApiGatewayApplication.class);
        // a launcher that let it bind port 0 reads the ports it got there (the actuator's in <name>-management.<ext>)
        Optional.ofNullable(System.getenv("KT_PORT_FILE")).map(WebServerPortFileWriter::new).ifPresent(application::addListeners);
        application.run(args);
    }
}
