package io.mpgov.request;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The request has errors; nothing was started or completed. A form validation error to the engine, so
 * that its REST API answers 400 and Tasklist shows the message (see security.RefusalUnwrapping).
 */
public class InvalidRequestException extends FormFieldValidationException {

    private final List<FieldError> errors;

    /** @param described the errors in the form's words, one per line */
    InvalidRequestException(List<FieldError> errors, String described) {
        super(
                errors.isEmpty() ? null : errors.get(0).field(),
                "Please correct the request (nothing was submitted):\n" + described);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
