package io.mpgov.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Mails the person who started the request. The model names the template in the task's input
 * parameter {@code mailTemplate}, so one delegate serves every "tell the requester" task.
 */
@Component("notifyRequester")
class NotifyRequesterDelegate implements JavaDelegate {

    static final String TEMPLATE = "mailTemplate";
    static final String INITIATOR = "initiator";

    private final PeopleNotifier notifier;

    NotifyRequesterDelegate(PeopleNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifier.notify((String) execution.getVariable(INITIATOR), (String) execution.getVariableLocal(TEMPLATE),
                execution.getVariables());
    }
}
