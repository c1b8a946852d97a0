package com.kt.eventmarketing.users;

import jakarta.validation.constraints.NotBlank;

public record RefreshRequest(@NotBlank(message = "is required") String refreshToken) {
}
