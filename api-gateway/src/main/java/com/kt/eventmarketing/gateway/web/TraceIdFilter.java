package com.kt.eventmarketing.gateway.web;

import com.kt.eventmarketing.tracing.TraceIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One trace id per request, first thing (before security, so a 401 has one too): the trace-id of the caller's W3C
 * {@code traceparent}, else its {@code X-Trace-Id}, else a new one. It is in the MDC while the request runs (the
 * {@code traceId} field of every log line; the Temporal client carries it on into the workflow and its activities,
 * see {@code TraceContext}) and goes back to the caller as the response header {@code X-Trace-Id}, which is what
 * an operator searches the logs for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceIdFilter extends OncePerRequestFilter {
    /** The request's trace id as a request attribute, for async and error dispatches of the same request. */
    public static final String ATTRIBUTE = TraceIdFilter.class.getName() + ".traceId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = request.getAttribute(ATTRIBUTE) instanceof String known ? known : null;
        if (traceId == null) {
            traceId = TraceIds.fromRequest(request.getHeader(TraceIds.TRACEPARENT), request.getHeader(TraceIds.HTTP_HEADER));
            if (traceId == null) {
                traceId = TraceIds.newTraceId();
            }
            request.setAttribute(ATTRIBUTE, traceId);
            response.setHeader(TraceIds.HTTP_HEADER, traceId);
        }
        String previous = MDC.get(TraceIds.MDC_TRACE_ID);
        MDC.put(TraceIds.MDC_TRACE_ID, traceId);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(TraceIds.MDC_TRACE_ID);
            } else {
                MDC.put(TraceIds.MDC_TRACE_ID, previous);
            }
        }
    }

    /** Async (SSE) and error dispatches log under the same trace id. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
