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
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Every entry is a 12-digit AWS account id. One message for the whole list, naming the first five
 * that are not ({@code ${ids}}), shortened and without markup. Null is valid.
 */
@Documented
@Constraint(validatedBy = AccountIds.Validator.class)
@Target({FIELD, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface AccountIds {

    String message() default "not 12-digit account ids: ${ids}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AccountIds, List<String>> {

        private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
        /** The characters a Bean Validation message escapes with a backslash to mean themselves. */
        private static final Pattern SPECIAL = Pattern.compile("[\\\\{}$]");

        @Override
        public boolean isValid(List<String> ids, ConstraintValidatorContext context) {
            List<String> malformed = ids == null
                    ? List.of()
                    : ids.stream()
                            .filter(id -> !ACCOUNT_ID.matcher(id).matches())
                            .toList();
            if (malformed.isEmpty()) {
                return true;
            }
            // The requester's text goes in as a variable, so it is never evaluated (in a message parameter a "${…}"
            // would be), and escaped, so the interpolator's unescaping leaves it as typed.
            String shown = malformed.stream().limit(5).map(Validator::shown).collect(Collectors.joining(", "));
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addExpressionVariable("ids", SPECIAL.matcher(shown).replaceAll("\\\\$0"));
            return false;
        }

        /** A rejected value as the message may show it: short, without markup. */
        private static String shown(String value) {
            String plain = NoMarkup.Validator.MARKUP.matcher(value).replaceAll("?");
            return plain.length() > 20 ? plain.substring(0, 20) + "…" : plain;
        }
    }
}
