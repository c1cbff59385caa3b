package io.mpgov.review;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** The decision submitted on a review task is missing or incomplete: the caller's mistake (HTTP 400). */
class DecisionRejectedException extends FormFieldValidationException {

    DecisionRejectedException(String field, String message) {
        super(field, message);
    }
}
