package io.mpgov.review;

import org.camunda.bpm.engine.AuthorizationException;

/** Someone tried to decide on a request they started (HTTP 403). */
class FourEyesViolationException extends AuthorizationException {

    FourEyesViolationException(String message) {
        super(message);
    }
}
