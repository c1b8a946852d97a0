package com.kt.eventmarketing.gateway.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Puts the owner of a valid bearer token into the security context. A signed token whose session was revoked or
 * whose generation a password change superseded is accepted only by the logout endpoint, which makes logout
 * idempotent; everywhere else it is as good as none (→ 401).
 */
public class JwtAuthenticationFilter extends OncePerRequestFilter {
    static final String LOGOUT_PATH = "/api/v1/users/logout";

    private final TokenService tokens;
    private final TokenValidity validity;

    public JwtAuthenticationFilter(TokenService tokens, TokenValidity validity) {
        this.tokens = tokens;
        this.validity = validity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.verifyAccessToken(header.substring(7).trim())
                    .filter(p -> LOGOUT_PATH.equals(request.getRequestURI()) || validity.isValid(p))
                    .ifPresent(p -> SecurityContextHolder.getContext().setAuthentication(
                            new UsernamePasswordAuthenticationToken(p, null, AuthorityUtils.createAuthorityList("ROLE_OWNER"))));
        }
        chain.doFilter(request, response);
    }
}
