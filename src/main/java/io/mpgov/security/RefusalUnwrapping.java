package io.mpgov.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a listener throws into a generic exception, which its REST API answers with 500. mpgov's
 * listeners refuse only what the caller got wrong, so this interceptor (outside the transaction, after rollback)
 * rethrows the refusal as itself: a form validation error (an invalid request, a decision the task does not allow) is
 * recorded as the caller's mistake, which the engine's REST APIs answer 400 with mpgov's message
 * ({@link CallerMistakes}), and an authorization refusal (the task guard's, four-eyes) stays one: 403. Tasklist shows
 * their message.
 */
final class RefusalUnwrapping extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof FormFieldValidationException mistake) {
                    CallerMistakes.record(mistake.getMessage());
                    throw mistake;
                }
                if (cause instanceof AuthorizationException refusal) {
                    throw refusal;
                }
            }
            throw e;
        }
    }
}
