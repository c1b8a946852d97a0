package com.kt.eventmarketing.gateway.security;

import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.List;

/**
 * The pages people open in a browser (the customer's entry page and draw check under {@code /e/}, the owner
 * console at {@code /}, their assets under {@code /assets/}) and the headers they are served with.
 * <p>
 * The Content-Security-Policy is strict: everything from this origin only, no inline script or style, no
 * third-party host, no framing, forms post only here. Pages therefore link their scripts and styles as files and
 * refer to images by relative paths (the public base URL may be another spelling of this origin). The JSON API
 * does not get the policy: it renders nothing, and Swagger UI needs inline styles.
 */
public final class PageSecurityHeaders {
    /** Paths of the pages and their static assets; all public (a page asks the API for whatever needs a token). */
    public static final String[] PAGE_PATHS = {"/", "/e/**", "/assets/**", "/favicon.ico"};

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'");

    private PageSecurityHeaders() {
    }

    static RequestMatcher pages() {
        return new OrRequestMatcher(Arrays.stream(PAGE_PATHS)
                .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList());
    }

    /** Content-Security-Policy and a referrer policy that keeps event ids and markers on this site. */
    static HeaderWriter writer() {
        return new DelegatingRequestMatcherHeaderWriter(pages(), new StaticHeadersWriter(List.of(
                new Header("Content-Security-Policy", CONTENT_SECURITY_POLICY),
                new Header("Referrer-Policy", "same-origin"))));
    }
}
