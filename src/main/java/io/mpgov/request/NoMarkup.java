package io.mpgov.request;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/** Text people type is shown in Tasklist and mails: no markup, so none can ever be rendered. Null is valid. */
@Documented
@Constraint(validatedBy = NoMarkup.Validator.class)
@Target({FIELD, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface NoMarkup {

    String message() default "must not contain markup: < and > are not allowed";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoMarkup, CharSequence> {

        static final Pattern MARKUP = Pattern.compile("[<>]");

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || !MARKUP.matcher(value).find();
        }
    }
}
