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
 * Makes the engine itself enforce mpgov's controls, whatever API a caller uses: the command gate in
 * front of every command, and TASK_WORK (claim and complete, nothing else) as what candidates and
 * assignees may do with a task. Who may decide a task is the decision module's guard.
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
        interceptors.add(0, new CommandGate(() -> engine, FormFields.fromClasspath(), AccessPolicy.standard()));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        this.engine = processEngine;
    }
}
