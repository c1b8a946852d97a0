package com.kt.eventmarketing.gateway.bench;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 * but touches neither Redis nor PostgreSQL. Exists only when {@code kt.bench.echo-enabled=true} (the benchmark
 * sets it); otherwise the path is a plain 404.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "kt.bench.echo-enabled", havingValue = "true")
public class BareEchoController {
    private final AtomicLong counter = new AtomicLong();

    @PostMapping(path = "/api/v1/public/bench/echo", consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> echo(@RequestBody Map<String, Object> body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("entryNumber", counter.incrementAndGet(), "fields", body.size()));
    }
}
