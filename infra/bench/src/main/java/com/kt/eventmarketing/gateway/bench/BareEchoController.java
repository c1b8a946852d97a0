package com.kt.eventmarketing.gateway.bench;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling the participation benchmark compares the intake with: a bare JSON POST on the same server, behind
 * the same filter chain (security, logging, metrics), that parses the same body and answers 201 with a number,
 * but touches neither Redis nor PostgreSQL. It is no part of the gateway's jar: {@link
 * com.kt.eventmarketing.bench.GatewayBenchClasses} puts it on the class path of the gateway the harness starts,
 * in a package the gateway's component scan covers, so there and only there the path exists.
 */
@RestController
public class BareEchoController {
    public static final String PATH = "/api/v1/public/bench/echo";
    private final AtomicLong counter = new AtomicLong();

    @PostMapping(path = PATH, consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> echo(@RequestBody Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("entryNumber", counter.incrementAndGet(), "fields", body.size()));
    }
}
