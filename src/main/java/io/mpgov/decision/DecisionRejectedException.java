package io.mpgov.decision;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** The decision submitted on a review task is missing or incomplete: the caller's mistake (HTTP 400). */
public class DecisionRejectedException extends FormFieldValidationException {

    public DecisionRejectedException(String field, String message) {
        super(field, message);
    }
}
