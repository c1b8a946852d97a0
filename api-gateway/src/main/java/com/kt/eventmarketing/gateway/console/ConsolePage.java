package com.kt.eventmarketing.gateway.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the owner console's shell at "/". Rendered as a view rather than left to the static welcome page, whose
 * forward to /index.html would pass the security filters a second time under a path that is not public. Everything
 * else the console shows comes from the public REST API, called by its ES modules under /assets/console/.
 */
@Controller
public class ConsolePage {
    @GetMapping("/")
    public String console() {
        return "console";
    }
}
