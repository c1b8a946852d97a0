package com.kt.eventmarketing.gateway;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with the actuator on the API port: Spring would then serve health details and Prometheus there,
 * and the security rule that opens the actuator on the management port would open them to everyone.
 */
@Component
class ManagementPortCheck {
    ManagementPortCheck(Environment environment) {
        String server = environment.getProperty("server.port", "8080");
        String management = environment.getProperty("management.server.port");
        boolean bothRandom = "0".equals(server) && "0".equals(management);
        if (management == null || management.isBlank() || management.equals(server) && !bothRandom) {
            throw new IllegalStateException("KT_MANAGEMENT_PORT (management.server.port) must be set and differ from the API port "
                    + "(server.port " + server + "): the actuator is not for the public port");
        }
    }
}
