package io.mpgov.decision;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link TaskDutyGuard} and {@link ShowDecisionLog} on every user task of every deployed process as
 * built-in listeners: they run before the model's own listeners, and even where a caller skips custom listeners.
 */
@Component
public class GuardEveryUserTask extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        parseListeners.add(new Parser());
        configuration.setCustomPreBPMNParseListeners(parseListeners);
    }

    private static final class Parser extends AbstractBpmnParseListener {

        private final TaskDutyGuard guard = new TaskDutyGuard();
        private final ShowDecisionLog log = new ShowDecisionLog();

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            for (String event : List.of(
                    TaskListener.EVENTNAME_CREATE,
                    TaskListener.EVENTNAME_ASSIGNMENT,
                    TaskListener.EVENTNAME_COMPLETE)) {
                task.addBuiltInTaskListener(event, guard);
            }
            task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, log);
        }
    }
}
