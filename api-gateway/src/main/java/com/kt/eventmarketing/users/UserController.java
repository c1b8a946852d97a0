package com.kt.eventmarketing.users;

import com.kt.eventmarketing.gateway.security.CurrentOwner;
import com.kt.eventmarketing.gateway.security.TokenRevocations;
import com.kt.eventmarketing.gateway.security.TokenService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
    private final TokenRevocations revocations;

    public UserController(UserService users, TokenRevocations revocations) {
        this.users = users;
        this.revocations = revocations;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign up an owner with a store; returns tokens")
    public TokenService.IssuedTokens register(@Valid @RequestBody RegisterRequest request) {
        return users.register(request);
    }

    @PostMapping("/login")
    @Operation(summary = "Exchange email and password for an access and a refresh token")
    public TokenService.IssuedTokens login(@Valid @RequestBody LoginRequest request) {
        return users.login(request);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the presented access token (idempotent)")
    public void logout() {
        revocations.revoke(CurrentOwner.get());
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
    public void changePassword(@Valid @RequestBody ChangePasswordRequest request) {
        users.changePassword(CurrentOwner.id(), request);
    }
}
