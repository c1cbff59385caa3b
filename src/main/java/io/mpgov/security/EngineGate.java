package io.mpgov.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the engine itself enforce mpgov's controls, whatever API a caller uses. mpgov's one ordered pipeline of
 * engine hooks for access: the command gate in front of every command ({@link CommandGate}: the caller's groups as
 * they are now, the access policy), then {@link RefusalUnwrapping} (a listener's refusal reaches the caller as a
 * refusal, 400 or 403, never a 500); TASK_WORK (claim and complete, nothing else) as what candidates and assignees may
 * do with a task; at start-up, the policy's grants ({@link IdentityBootstrap}, after this plugin). Who may decide a
 * task is the decision module's guard, a built-in listener on every user task, which asks the same policy.
 */
@Component
@Order(-1)
public class EngineGate extends AbstractProcessEnginePlugin {

    private volatile ProcessEngine engine;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        // mpgov's hooks in the command chain, outermost first: who may run the command at all, then how a refusal
        // from inside it (a listener's) reaches the caller
        interceptors.add(0, new CommandGate(() -> engine, FormFields.fromClasspath(), AccessPolicy.standard()));
        interceptors.add(1, new RefusalUnwrapping());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        this.engine = processEngine;
    }
}
