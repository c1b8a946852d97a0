package com.kt.eventmarketing.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Enumeration;

/**
 * Media-type headers that cannot be parsed, or a Content-Type that is a wildcard, are the client's mistake: they
 * are answered 400 / 415 here, once for every endpoint, instead of failing deep inside content negotiation (which
 * answered 500, some with no body at all, as the OpenAPI fuzz test found). Multipart parsing is switched off
 * ({@code spring.servlet.multipart.enabled=false}): no endpoint takes uploads, and a multipart Content-Type without
 * a boundary made every operation, even a GET, fail before it was reached.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class MalformedHeaderFilter extends OncePerRequestFilter {
    private final ProblemWriter problems;

    public MalformedHeaderFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                            "Content-Type must name one media type, e.g. application/json");
                    return;
                }
            } catch (InvalidMediaTypeException e) {
                problems.write(response, HttpStatus.BAD_REQUEST, "Invalid request", "Content-Type: not a valid media type");
                return;
            }
        }
        Enumeration<String> accepts = request.getHeaders(HttpHeaders.ACCEPT);
        while (accepts != null && accepts.hasMoreElements()) {
            try {
                MediaType.parseMediaTypes(accepts.nextElement());
            } catch (InvalidMediaTypeException e) {
                problems.write(response, HttpStatus.BAD_REQUEST, "Invalid request", "Accept: not a valid list of media ranges");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
