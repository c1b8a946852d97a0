package com.kt.eventmarketing.gateway.web;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.stream.Collectors;

/** A failure with a status the client should see, rendered as RFC 9457 problem+json. */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final List<FieldViolation> violations;

    public ApiException(HttpStatus status, String title, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = violations;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", what + " not found", List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public static ApiException conflict(String detail, FieldViolation violation) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, List.of(violation));
    }

    public static ApiException badField(String field, String rule, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message,
                List.of(new FieldViolation(field, rule, message)));
    }

    /** One 400 naming every broken field, its detail the violations joined. */
    public static ApiException invalid(List<FieldViolation> violations) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", violations.stream()
                .map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")), violations);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Authentication failed", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
