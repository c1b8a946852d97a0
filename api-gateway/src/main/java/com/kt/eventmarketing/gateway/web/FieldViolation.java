package com.kt.eventmarketing.gateway.web;

/** One bad field in a request: which field, which rule it broke, and a sentence for people. */
public record FieldViolation(String field, String rule, String message) {
}
