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

/**
 * A name (a product's title, its seller) is one line: it goes into mail subjects, task names and lines of mpgov's own,
 * where a line break or another control character would start a line nobody wrote. Null is valid.
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({FIELD, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface SingleLine {

    String message() default "must be one line: line breaks, tabs and other control characters are not allowed";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SingleLine, CharSequence> {

        private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0080-\\u009F\\u2028\\u2029]");

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || !CONTROL.matcher(value).find();
        }
    }
}
