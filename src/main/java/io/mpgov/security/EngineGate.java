package io.mpgov.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes the engine itself enforce mpgov's controls, whatever API a caller uses: the command gate in
 * front of every command, the task guard on every user task of every deployed process, and TASK_WORK
 * (claim and complete, nothing else) as what candidates and assignees may do with a task.
 */
@Component
@Order(-1)
public class EngineGate extends AbstractProcessEnginePlugin {

    private volatile ProcessEngine engine;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new CommandGate(() -> engine, FormFields.fromClasspath()));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

        List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        parseListeners.add(new GuardEveryUserTask());
        configuration.setCustomPreBPMNParseListeners(parseListeners);

        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        this.engine = processEngine;
    }

    private static final class GuardEveryUserTask extends AbstractBpmnParseListener {

        private final TaskDutyGuard guard = new TaskDutyGuard();

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            // built-in: runs before the model's own listeners, and even where a caller skips custom listeners
            for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE)) {
                task.addBuiltInTaskListener(event, guard);
            }
        }
    }
}
