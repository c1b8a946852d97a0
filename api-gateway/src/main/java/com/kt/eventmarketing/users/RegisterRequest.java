package com.kt.eventmarketing.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterRequest(
        @NotBlank(message = "is required") @Size(min = 2, max = 50, message = "must be 2-50 characters")
        @Pattern(regexp = UserRules.NAME, message = UserRules.NAME_MESSAGE) String name,
        @NotBlank(message = "is required") @ValidMobilePhone String phone,
        @NotBlank(message = "is required") @Email(message = "must be a valid email address")
        @Size(max = 254, message = "must be at most 254 characters") String email,
        @NotBlank(message = "is required") @Pattern(regexp = UserRules.PASSWORD, message = UserRules.PASSWORD_MESSAGE)
        @BcryptLength String password,
        @NotNull(message = "is required") @Valid StoreRequest store) {

    public record StoreRequest(
            @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
            @NotBlank(message = "is required") @ValidBusinessType String businessType,
            @NotBlank(message = "is required") @Size(min = 5, max = 300, message = "must be 5-300 characters") String address,
            @Size(max = 100, message = "must be at most 100 characters") String businessHours,
            @NotBlank(message = "is required") @ValidBusinessNumber String businessNumber) {
    }
}
