package com.kt.eventmarketing.shared.resilience;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.temporal.failure.ApplicationFailure;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Translates what went wrong in an external call into a Temporal ApplicationFailure: its type names the cause,
 * non-retryable marks our own mistakes, and nextRetryDelay carries what the provider or the breaker told us.
 * Messages name the system and status only; response bodies may echo personal data and are left out.
 */
public final class ExternalCallFailures {

    public static final String CIRCUIT_OPEN = "ExternalCircuitOpen";
    public static final String RATE_LIMITED = "ExternalRateLimited";
    public static final String REJECTED = "ExternalRequestRejected";
    public static final String SERVER_ERROR = "ExternalServerError";
    public static final String UNREACHABLE = "ExternalUnreachable";
    public static final String BULKHEAD_FULL = "ExternalBulkheadFull";

    private ExternalCallFailures() {
    }

    /** Whether the failure says the provider is unhealthy, and so counts against its circuit breaker. */
    static boolean isProviderFailure(Throwable failure) {
        if (failure instanceof RestClientResponseException response) {
            return response.getStatusCode().is5xxServerError()
                    || response.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS);
        }
        return failure instanceof ResourceAccessException;
    }

    static ApplicationFailure toApplicationFailure(String system, RuntimeException failure,
                                                   Duration remainingOpenWait) {
        if (failure instanceof ApplicationFailure alreadyTranslated) {
            return alreadyTranslated;
        }
        if (failure instanceof CallNotPermittedException) {
            return retryable(system + " circuit breaker is open", CIRCUIT_OPEN, failure, remainingOpenWait);
        }
        if (failure instanceof BulkheadFullException) {
            return retryable(system + " has too many calls in flight", BULKHEAD_FULL, failure, null);
        }
        if (failure instanceof RestClientResponseException response) {
            // the response exception is not attached as cause: its message carries the body, which may echo personal data
            return fromStatus(system, response);
        }
        if (failure instanceof ResourceAccessException) {
            return retryable(system + " did not answer in time or could not be reached", UNREACHABLE, failure, null);
        }
        return ApplicationFailure.newFailureWithCause(system + " call failed: " + failure.getClass().getSimpleName(),
                failure.getClass().getName(), failure);
    }

    private static ApplicationFailure fromStatus(String system, RestClientResponseException response) {
        int status = response.getStatusCode().value();
        String message = system + " answered HTTP " + status;
        if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
            return retryable(message, RATE_LIMITED, null, retryAfter(response.getResponseHeaders()));
        }
        if (response.getStatusCode().is4xxClientError()) {
            return ApplicationFailure.newBuilder().setMessage(message).setType(REJECTED).setNonRetryable(true).build();
        }
        return retryable(message, SERVER_ERROR, null, null);
    }

    /** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration untilDate = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return untilDate.isNegative() ? Duration.ZERO : untilDate;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static ApplicationFailure retryable(String message, String type, Throwable cause, Duration nextDelay) {
        return ApplicationFailure.newBuilder().setMessage(message).setType(type).setCause(cause)
                .setNextRetryDelay(nextDelay).build();
    }
}
