package io.mpgov.decision;

import io.mpgov.security.CallerMistakes;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws into a generic exception, which its REST API
 * answers with 500. The review listener's refusals are the caller's fault, so this interceptor
 * (outside the transaction, after rollback) rethrows them as themselves: REST answers 400 for a
 * {@link DecisionRejectedException} and 403 for a {@link FourEyesViolationException}, and Tasklist
 * shows their message. A form validation error is also recorded as the caller's mistake, which the engine's
 * REST APIs then answer 400 with its own message ({@link CallerMistakes}).
 */
@Component
class ListenerRejectionUnwrapping extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new Unwrap());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class Unwrap extends CommandInterceptor {
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
                    // the task guard's refusals (io.mpgov.security)
                    if (cause instanceof AuthorizationException refusal) {
                        throw refusal;
                    }
                }
                throw e;
            }
        }
    }
}
