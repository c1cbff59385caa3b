package io.mpgov.request;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An AWS Marketplace product id. Null is valid. */
@Documented
@Pattern(regexp = ProductId.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ProductId {

    String PATTERN = "prod-[a-z0-9]{13}";

    String message() default "must look like prod-xxxxxxxxxxxxx (prod- and 13 lowercase letters or digits)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
