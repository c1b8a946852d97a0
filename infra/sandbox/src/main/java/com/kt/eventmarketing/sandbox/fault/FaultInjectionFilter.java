package com.kt.eventmarketing.sandbox.fault;

import com.kt.eventmarketing.sandbox.idempotency.IdempotentResponses;
import com.kt.eventmarketing.sandbox.log.RecordedRequest;
import com.kt.eventmarketing.sandbox.log.RequestLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies the configured faults of the request's endpoint group before any provider endpoint runs,
 * and records every provider request with the status it finally got.
 */
@Component
public class FaultInjectionFilter extends OncePerRequestFilter {

    /** Seconds a rate-limited client is told to wait: the limits are per second. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final FaultRegistry faults;
    private final RequestLog requestLog;

    public FaultInjectionFilter(FaultRegistry faults, RequestLog requestLog) {
        this.faults = faults;
        this.requestLog = requestLog;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<EndpointGroup> group = EndpointGroup.ofPath(request.getRequestURI());
        if (group.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            applyFaultsThenServe(group.get(), request, response, chain);
        } finally {
            requestLog.record(new RecordedRequest(request.getMethod(), request.getRequestURI(), group.get().id(),
                    request.getHeader(IdempotentResponses.HEADER), Instant.now(), response.getStatus(),
                    IdempotentResponses.wasReplayed(request)));
        }
    }

    private void applyFaultsThenServe(EndpointGroup group, HttpServletRequest request, HttpServletResponse response,
                                      FilterChain chain) throws ServletException, IOException {
        FaultSettings settings = faults.settings(group);
        sleep(settings.latencyMs());
        if (settings.outage()) {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value(), group.id() + " is in a simulated outage");
        } else if (!faults.admitWithinRateLimit(group)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), "rate limit exceeded");
        } else if (faults.drawsRandomError(group)) {
            response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value(), "simulated server error");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
