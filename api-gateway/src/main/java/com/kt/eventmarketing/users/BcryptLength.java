package com.kt.eventmarketing.users;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * BCrypt reads at most 72 bytes of a password and the encoder refuses longer ones. The character-count rule cannot
 * see that: 30 Hangul characters are 90 bytes in UTF-8. Checked with the other rules, so it is a 400 naming the
 * field and this rule instead of a 500 from the encoder.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BcryptLength.Validator.class)
public @interface BcryptLength {
    int MAX_BYTES = 72;

    String message() default "must be at most 72 bytes in UTF-8 (e.g. 72 Latin letters or 24 Hangul characters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BcryptLength, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
