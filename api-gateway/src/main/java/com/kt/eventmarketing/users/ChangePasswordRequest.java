package com.kt.eventmarketing.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

public record ChangePasswordRequest(
        @NotBlank(message = "is required") @BcryptLength String currentPassword,
        @NotBlank(message = "is required") @Pattern(regexp = UserRules.PASSWORD, message = UserRules.PASSWORD_MESSAGE)
        @BcryptLength String newPassword) {
}
