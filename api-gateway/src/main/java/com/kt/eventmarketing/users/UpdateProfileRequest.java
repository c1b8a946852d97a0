package com.kt.eventmarketing.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Every field optional: only what is sent changes. Email and business number are fixed after sign-up. */
public record UpdateProfileRequest(
        @Size(min = 2, max = 50, message = "must be 2-50 characters")
        @Pattern(regexp = UserRules.NAME, message = UserRules.NAME_MESSAGE) String name,
        @ValidMobilePhone String phone,
        @Valid StoreUpdate store) {

    public record StoreUpdate(
            @Size(min = 1, max = 100, message = "must be 1-100 characters") String name,
            @ValidBusinessType String businessType,
            @Size(min = 5, max = 300, message = "must be 5-300 characters") String address,
            @Size(max = 100, message = "must be at most 100 characters") String businessHours) {
    }
}
