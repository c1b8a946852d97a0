package com.kt.eventmarketing.users;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidBusinessType.Validator.class)
public @interface ValidBusinessType {
    String message() default "must be one of 음식점, 카페, 소매점, 미용, 학원, 숙박, 헬스, 기타";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidBusinessType, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || BusinessTypes.ALL.contains(value);
        }
    }
}
