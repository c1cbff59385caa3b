package io.mpgov.decision;

import org.camunda.bpm.engine.AuthorizationException;

/** Someone tried to decide on a request they started (HTTP 403). */
public class FourEyesViolationException extends AuthorizationException {

    public FourEyesViolationException(String message) {
        super(message);
    }
}
