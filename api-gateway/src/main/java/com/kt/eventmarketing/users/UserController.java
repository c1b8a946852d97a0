package com.kt.eventmarketing.users;

import com.kt.eventmarketing.gateway.security.AuthSessions;
import com.kt.eventmarketing.gateway.security.AuthThrottle;
import com.kt.eventmarketing.gateway.security.CurrentOwner;
import com.kt.eventmarketing.gateway.security.TokenGenerations;
import com.kt.eventmarketing.gateway.security.TokenRevocations;
import com.kt.eventmarketing.gateway.security.TokenService;
import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Shop-owner accounts")
public class UserController {
    private final UserService users;
    private final AuthSessions sessions;
    private final TokenRevocations revocations;
    private final TokenGenerations generations;
    private final AuthThrottle throttle;
    private final ClientAddresses clients;

    public UserController(UserService users, AuthSessions sessions, TokenRevocations revocations, TokenGenerations generations,
                          AuthThrottle throttle, ClientAddresses clients) {
        this.users = users;
        this.sessions = sessions;
        this.revocations = revocations;
        this.generations = generations;
        this.throttle = throttle;
        this.clients = clients;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign up an owner with a store; returns tokens (throttled per client and per email: 429 + Retry-After)")
    public TokenService.IssuedTokens register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        throttle.register(clients.of(http), request.email());
        return users.register(request);
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange email and password for an access and a refresh token (throttled per client and per account: 429 + Retry-After)")
    public TokenService.IssuedTokens login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        throttle.login(clients.of(http), request.email());
        return users.login(request);
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair; each refresh token works once, reusing one ends its session (401)")
    public TokenService.IssuedTokens refresh(@Valid @RequestBody RefreshRequest request) {
        return sessions.refresh(request.refreshToken())
                .orElseThrow(() -> ApiException.unauthorized("The refresh token is invalid, expired, already used or revoked; sign in again"));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End the session of the presented access token: it and its refresh token stop working (idempotent)")
    public void logout() {
        revocations.revoke(CurrentOwner.get().sessionId());
    }

    @GetMapping("/me")
    public ProfileResponse me() {
        return users.profile(CurrentOwner.id());
    }

    @PutMapping("/me")
    public ProfileResponse updateMe(@Valid @RequestBody UpdateProfileRequest request) {
        return users.update(CurrentOwner.id(), request);
    }

    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the password (the current one is required); every token issued before stops working")
    public void changePassword(@Valid @RequestBody ChangePasswordRequest request) {
        long userId = CurrentOwner.id();
        generations.publish(userId, users.changePassword(userId, request));
    }
}
