package com.kt.eventmarketing.users;

import jakarta.validation.constraints.NotBlank;

public record LoginRequest(@NotBlank(message = "is required") String email,
                           @NotBlank(message = "is required") @BcryptLength String password) {
}
