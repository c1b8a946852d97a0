package com.kt.eventmarketing.workers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Optional;

/**
 * The worker process. Which task queues it polls is configuration ({@code kt.worker.task-queues}), so one
 * artifact runs as any pool.
 */
@SpringBootApplication(scanBasePackages = "com.kt.eventmarketing")
@ConfigurationPropertiesScan("com.kt.eventmarketing")
@EntityScan("com.kt.eventmarketing")
@EnableJpaRepositories("com.kt.eventmarketing")
@EnableScheduling
public class WorkersApplication {
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(WorkersApplication.class);
        // a launcher that let it bind port 0 reads the ports it got there (the actuator's in <name>-management.<ext>)
        Optional.ofNullable(System.getenv("KT_PORT_FILE")).map(WebServerPortFileWriter::new).ifPresent(application::addListeners);
        application.run(args);
    }
}
