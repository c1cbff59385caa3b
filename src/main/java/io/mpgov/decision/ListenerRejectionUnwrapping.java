package io.mpgov.decision;

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
 * shows their message.
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
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    // mpgov's refusals and the task guard's (io.mpgov.security) alike
                    if (cause instanceof FormFieldValidationException || cause instanceof AuthorizationException) {
                        throw (ProcessEngineException) cause;
                    }
                }
                throw e;
            }
        }
    }
}
