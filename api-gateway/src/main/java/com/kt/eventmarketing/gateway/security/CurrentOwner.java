package com.kt.eventmarketing.gateway.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The owner behind the current request; only called on authenticated routes. */
public final class CurrentOwner {
    private CurrentOwner() {
    }

    public static OwnerPrincipal get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof OwnerPrincipal principal)) {
            throw new IllegalStateException("no authenticated owner on this request");
        }
        return principal;
    }

    public static long id() {
        return get().userId();
    }
}
